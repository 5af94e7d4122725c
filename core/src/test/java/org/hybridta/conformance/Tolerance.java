package org.hybridta.conformance;

import static org.assertj.core.api.Assertions.fail;

import org.hybridta.indicator.Adx;
import org.hybridta.indicator.Cci;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Macd;
import org.hybridta.indicator.Mfi;
import org.hybridta.indicator.Mom;
import org.hybridta.indicator.Obv;
import org.hybridta.indicator.Roc;
import org.hybridta.indicator.Rsi;
import org.hybridta.indicator.Stoch;
import org.hybridta.indicator.Willr;

/**
 * How close a backend's output must be to a reference output of the same length.
 *
 * <p>Where the reference is {@code NaN} (before an output's first value) the value must be {@code NaN}; where it
 * is infinite, the same infinity; elsewhere it must be finite and satisfy
 * <pre>  |actual - expected| &lt;= relative * max(|expected|, scale)</pre>
 * where {@code scale} depends on what the output measures:
 * <ul>
 *   <li><b>0</b> (a purely relative test) for outputs at the price level, which stay far from zero:
 *       SMA, EMA, WMA, DEMA, TEMA, the Bollinger bands, and for TRANGE and ATR, whose computation involves no
 *       cancellation (a true range is an exact difference of inputs; ATR averages non-negative numbers).</li>
 *   <li><b>100</b>, the width of their range, for the bounded oscillators RSI, STOCH %K and %D, WILLR, MFI,
 *       ADX, +DI and -DI. Their running sums (the SMAs of STOCH, MFI's flow sums) and DX's
 *       {@code |-DI - +DI|} leave rounding residues of order 1e-16 times the summed terms where the exact
 *       value is 0; a backend that adds in another order gets a different residue, so values next to 0 are
 *       compared on the oscillator's own scale: within {@code relative * 100}.</li>
 *   <li><b>the largest {@code |expected|} of the output over the series</b> for outputs that cross zero:
 *       MACD line, signal and histogram, MOM, ROC, CCI and OBV. They are differences of price-scale (or
 *       volume-scale) quantities, so near a zero crossing the relative error of any implementation is
 *       unbounded while its absolute error stays at the scale of the terms; the floor equals the relative
 *       tolerance at the output's typical magnitude.</li>
 * </ul>
 * With {@code floorEverywhere}, the last rule applies to every output (for reduced-precision backends,
 * whose errors grow with the terms rather than the result).
 *
 * <p>{@link #TA_LIB} ({@code relative = 1e-9}) is the standard every double-precision backend meets against
 * TA-Lib. The CPU backend does better: it is bit-equal to TA-Lib (tested separately).
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
        if (spec instanceof Rsi || spec instanceof Stoch || spec instanceof Willr || spec instanceof Mfi || spec instanceof Adx) {
            return floorEverywhere ? Math.max(100, maxMagnitude(expected)) : 100;
        }
        boolean crossesZero = spec instanceof Macd || spec instanceof Mom || spec instanceof Roc || spec instanceof Cci
                || spec instanceof Obv;
        return crossesZero || floorEverywhere ? maxMagnitude(expected) : 0;
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
        if (Double.isInfinite(expected)) return actual == expected;   // EXP, COSH, SINH overflow as TA-Lib does
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
