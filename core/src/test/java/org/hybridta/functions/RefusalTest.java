package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hybridta.conformance.TaLibC;
import org.hybridta.conformance.TaLibCLoaded;
import org.hybridta.indicator.ParamInfo;
import org.hybridta.indicator.ParamType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * For every function: each parameter set it refuses although within TA-Lib's ranges ({@link FunctionDef#refusal})
 * is one where TA-Lib C contradicts itself, its lookback differing from the function's (TA-Lib C is not called
 * there: it fails, or with TRIX's period 1 writes past its buffer and may abort the JVM), and the refusal is one
 * line naming the parameter. Candidates: the defaults with one integer parameter at its minimum or the next value.
 */
@ExtendWith(TaLibCLoaded.class)
class RefusalTest {

    @TestFactory Stream<DynamicTest> refusedSetsAreThoseTaLibFailsOn() {
        return Cases.functions().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            for (Args args : candidates(f)) {
                String why = f.refusal(args);
                if (why == null) continue;
                assertThat(why).as("%s %s refusal", f.name(), args).doesNotContain("\n")
                        .containsAnyOf(f.info().params().stream().map(ParamInfo::name).toArray(String[]::new));
                assertThat(TaLibC.lookback(f.name(), args.values()))
                        .as("%s %s is refused (%s) but TA-Lib C's lookback is consistent", f.name(), args, why)
                        .isNotEqualTo(f.lookback(args));
            }
        }));
    }

    private static List<Args> candidates(FunctionDef f) {
        List<ParamInfo> ps = f.info().params();
        List<Args> out = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i).type() != ParamType.INTEGER) continue;
            for (double v : new double[] {ps.get(i).min(), ps.get(i).min() + 1}) {
                double[] values = Cases.defaults(f).values();
                values[i] = v;
                out.add(Args.of(values));
            }
        }
        return out;
    }
}
