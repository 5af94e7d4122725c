package org.hybridta.cuda;

import java.util.ArrayList;
import java.util.List;
import org.hybridta.IndicatorValues;
import org.hybridta.conformance.Tolerance;
import org.hybridta.indicator.Indicator;

/**
 * Compares the CUDA backend's output with the CPU backend's (which follows TA-Lib operation by operation), per series.
 *
 * <p>Tolerance: at every bar, {@code |actual - expected| <= rounding * |expected| + 1e-12 * max(|expected|, scale)},
 * with the per-output {@code scale} of core's {@link Tolerance} taken over the series (0 for price-level outputs,
 * 100 for the bounded oscillators, the series' largest magnitude for outputs that cross zero). For double
 * outputs {@code rounding = 0}: the kernels repeat TA-Lib's operations in the same order without fused
 * multiply-adds, so results agree to the last bits, except where a time segment restarts a running sum (STOCH's
 * slow averages; see {@link Segments}), whose difference is of order 1e-16 of the oscillator's range per step.
 * For float outputs {@code rounding = 2^-24}: the kernels compute in double and round each result to single
 * precision once (plus half of float's smallest step, 2^-150, for results below float's normal range, where
 * rounding is to that step: a Wilder average decaying over a long flat stretch gets there; and a result beyond float's
 * range, EXP of a price, rounds to an infinity). NaN must meet NaN.
 */
final class Compare {
    private static final Tolerance TOLERANCE = new Tolerance(1e-12, false);

    private Compare() {}

    /** The differences of every output of {@code specs}, in column order; empty when all are within tolerance. */
    static List<String> check(List<? extends Indicator> specs, IndicatorValues actual, IndicatorValues expected, double rounding) {
        List<String> failures = new ArrayList<>();
        int c = 0;
        for (Indicator spec : specs) {
            for (int o = 0; o < spec.outputs().size(); o++, c++) {
                String f = check(spec, o, actual.data(c), expected.data(c), expected.seriesCount(), expected.barCount(), rounding);
                if (f != null) failures.add(f);
            }
        }
        return failures;
    }

    /** Null when equal within tolerance, else a description of the first difference. */
    static String check(Indicator spec, int output, double[] actual, double[] expected, int series, int bars, double rounding) {
        String column = spec.outputs().get(output).column();
        for (int s = 0; s < series; s++) {
            double scale = TOLERANCE.scale(spec, output, java.util.Arrays.copyOfRange(expected, s * bars, (s + 1) * bars));
            for (int t = 0; t < bars; t++) {
                int i = s * bars + t;
                double a = actual[i], e = expected[i];
                if (Double.isNaN(e) || Double.isNaN(a)) {
                    if (Double.isNaN(e) != Double.isNaN(a)) {
                        return column + ": series " + s + " bar " + t + ": got " + a + ", expected " + e;
                    }
                    continue;
                }
                if (a == e) continue;  // equal, infinities included (EXP of large values)
                // float: a double result beyond float's range rounds to an infinity (EXP, COSH, SINH of prices)
                if (rounding > 0 && Float.isInfinite((float) e) && a == (float) e) continue;
                // float: rounding below float's normal range (a decayed ATR near 1e-39) is to a fixed step, 2^-149
                double tol = rounding * Math.abs(e) + (rounding > 0 ? Float.MIN_VALUE / 2.0 : 0) + 1e-12 * Math.max(Math.abs(e), scale);
                if (!(Math.abs(a - e) <= tol)) {
                    return column + ": series " + s + " bar " + t + ": got " + a + ", expected " + e + " (difference "
                            + Math.abs(a - e) + " > tolerance " + tol + ", scale " + scale + ")";
                }
            }
        }
        return null;
    }
}
