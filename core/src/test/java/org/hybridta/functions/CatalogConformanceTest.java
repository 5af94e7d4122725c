package org.hybridta.functions;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hybridta.conformance.Tolerance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.hybridta.conformance.TaLibCLoaded;

/**
 * Every function of the catalog against TA-Lib ({@link Reference}), on the {@link Cases}: each output within
 * {@link Tolerance#TA_LIB} of TA-Lib's at every bar (its rule: purely relative for overlap studies, else with an
 * absolute floor of 1e-9 times the column's largest magnitude); NaN exactly where TA-Lib has no value; integer outputs exactly. One dynamic test per function
 * ({@code -Dhybridta.function=bbands} runs one).
 */
@ExtendWith(TaLibCLoaded.class)
class CatalogConformanceTest {

    @TestFactory Stream<DynamicTest> everyFunctionMatchesTaLib() {
        return Cases.functions().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> check(f)));
    }

    private static void check(FunctionDef f) {
        List<String> failures = new ArrayList<>();
        for (Args args : Cases.params(f, 13, 8, 400)) {
            int lookback = f.lookback(args);
            for (Cases.Input input : Cases.inputs(f, lookback, 7)) compare(f, args, input, failures);
        }
        // one long series at the defaults, and the longest period
        compare(f, Cases.defaults(f), Cases.walk(f, 5, 100_000, 1), failures);
        if (!failures.isEmpty()) {
            fail(failures.size() + " mismatches of " + f.name() + " against TA-Lib, the first:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(10, failures.size()))));
        }
    }

    static void compare(FunctionDef f, Args args, Cases.Input input, List<String> failures) {
        double[][] expected = Reference.compute(f, args, input.arrays());
        int n = input.arrays()[0].length;
        double[][] actual = new double[expected.length][n];
        f.batch(args, input.arrays(), 0, n, actual);
        for (int k = 0; k < expected.length; k++) {
            double scale = Tolerance.TA_LIB.scale(f.info(), k, expected[k]);
            for (int i = 0; i < n; i++) {
                double e = expected[k][i], a = actual[k][i];
                if (!Tolerance.TA_LIB.accepts(e, a, scale)) {
                    failures.add(f.name() + " " + args + " " + input + " output " + f.info().outputs().get(k).name() + " bar " + i
                            + ": expected " + e + ", got " + a);
                    break;
                }
            }
        }
    }
}
