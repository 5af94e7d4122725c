package org.hybridta.conformance;

import static org.assertj.core.api.Assertions.fail;

import org.hybridta.indicator.FunctionInfo;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.ValueType;

/**
 * How close a backend's output must be to a reference output of the same length: the one home of the rule.
 *
 * <p>Where the reference is {@code NaN} (before an output's first value) the value must be {@code NaN};
 * elsewhere it must be finite and satisfy
 * <pre>  |actual - expected| &lt;= relative * max(|expected|, scale)</pre>
 * where {@code scale} is
 * <ul>
 *   <li><b>0</b> (a purely relative test) for the outputs of functions TA-Lib flags as overlap studies (moving
 *       averages, bands, prices: on the input's scale, far from zero, computed without cancellation), and for
 *       integer outputs (pattern signals, bar indexes: exact for whole numbers below 1e9);</li>
 *   <li><b>the largest {@code |expected|} of the column over the series</b> for every other output: an absolute
 *       floor at the column's magnitude. Outputs that cross zero (MACD, MOM, CCI, OBV ...) or sit next to 0 on a
 *       bounded scale (RSI, STOCH, ADX ...) are differences or sums of terms of the column's size, so near 0 the
 *       relative error of any implementation is unbounded while its absolute error stays at the scale of the
 *       terms.</li>
 * </ul>
 *
 * <p>{@link #TA_LIB} ({@code relative = 1e-9}) is the standard every double-precision backend meets against
 * TA-Lib C. {@code floorEverywhere} gives every output the max-magnitude floor (for reduced-precision backends,
 * whose errors grow with the terms rather than the result).
 *
 * @param relative        the relative tolerance, at least 0
 * @param floorEverywhere whether every output gets the max-magnitude floor
 */
public record Tolerance(double relative, boolean floorEverywhere) {
    /** 1e-9 relative, with the floors above: what every double-precision backend meets against TA-Lib. */
    public static final Tolerance TA_LIB = new Tolerance(1e-9, false);

    public Tolerance {
        if (!(relative >= 0) || Double.isInfinite(relative)) throw new IllegalArgumentException("relative must be finite and >= 0, was " + relative);
    }

    /** The {@code scale} of output {@code output} of {@code spec} given the reference values (see the class documentation). */
    public double scale(Indicator spec, int output, double[] expected) {
        return scale(spec.function(), output, expected);
    }

    /** The {@code scale} of output {@code output} of function {@code f} given the reference values. */
    public double scale(FunctionInfo f, int output, double[] expected) {
        boolean relativeOnly = f.overlap() || f.outputs().get(output).type() == ValueType.INTEGER;
        return relativeOnly && !floorEverywhere ? 0 : maxMagnitude(expected);
    }

    /** The largest finite {@code |v|}, 0 if none. */
    public static double maxMagnitude(double[] values) {
        double max = 0;
        for (double v : values) if (Math.abs(v) > max && Double.isFinite(v)) max = Math.abs(v);
        return max;
    }

    /** Whether {@code actual} passes against {@code expected} at the given scale. */
    public boolean accepts(double expected, double actual, double scale) {
        if (Double.isNaN(expected)) return Double.isNaN(actual);
        if (!Double.isFinite(actual)) return false;
        return Math.abs(actual - expected) <= relative * Math.max(Math.abs(expected), scale);
    }

    /**
     * Fails with a message naming {@code what}, the column, the first offending bar and the number of offending
     * bars, unless every value of {@code actual} passes against {@code expected}.
     */
    public void assertMatches(String what, Indicator spec, int output, double[] expected, double[] actual) {
        String column = spec.outputs().get(output).column();
        if (actual.length != expected.length) {
            fail("%s, column %s: %d values, expected %d", what, column, actual.length, expected.length);
        }
        double scale = scale(spec, output, expected);
        int bad = 0, first = -1;
        for (int i = 0; i < expected.length; i++) {
            if (!accepts(expected[i], actual[i], scale)) {
                if (bad++ == 0) first = i;
            }
        }
        if (bad > 0) {
            double e = expected[first], a = actual[first];
            String detail = Double.isNaN(e) || !Double.isFinite(a) ? ""
                    : String.format(" (|diff| %s, allowed %s = %s * max(|expected|, %s))", Math.abs(a - e),
                            relative * Math.max(Math.abs(e), scale), relative, scale);
            fail("%s, column %s: %d of %d bars differ; first at bar %d: expected %s but was %s%s",
                    what, column, bad, expected.length, first, e, a, detail);
        }
    }
}
