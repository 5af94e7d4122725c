package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.hybridta.conformance.TaLibCLoaded;

/** For every function: the lookback equals TA-Lib's {@code TA_<NAME>_Lookback}, and is the first bar with a value. */
@ExtendWith(TaLibCLoaded.class)
class LookbackTest {

    @TestFactory Stream<DynamicTest> lookbackIsTaLibsAndTheFirstValue() {
        return Cases.functions().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            for (Args args : Cases.params(f, 23, 10, 100_000)) {
                int lookback = f.lookback(args);
                assertThat(lookback).as("%s %s lookback", f.name(), args).isEqualTo(Reference.lookback(f, args));
                if (lookback > 2_000) continue;
                Cases.Input input = Cases.walk(f, 9, lookback + 3, 1);
                double[][] out = new double[f.info().outputs().size()][lookback + 3];
                f.batch(args, input.arrays(), 0, lookback + 3, out);
                // a value from the lookback on, except where TA-Lib's is NaN too (ACOS of a price above 1)
                double[][] expected = Reference.compute(f, args, input.arrays());
                for (int k = 0; k < out.length; k++) {
                    for (int i = 0; i < out[k].length; i++) {
                        assertThat(Double.isNaN(out[k][i])).as("%s %s: NaN at bar %d (lookback %d)", f.name(), args, i, lookback)
                                .isEqualTo(i < lookback || Double.isNaN(expected[k][i]));
                    }
                }
            }
        }));
    }
}
