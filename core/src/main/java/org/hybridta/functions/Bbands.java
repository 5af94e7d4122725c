package org.hybridta.functions;

import static org.hybridta.functions.Declaration.REAL_MAX;
import static org.hybridta.functions.Declaration.REAL_MIN;
import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;
import org.hybridta.indicator.MaType;

/**
 * TA-Lib's BBANDS: the middle band is a moving average of any type ({@link MovingAverage}); the upper and lower
 * bands add {@code nbdevup} and subtract {@code nbdevdn} population standard deviations over the same period
 * ({@link RunningVariance}, summed from the bar TA-Lib's STDDEV starts at: the average's first value minus
 * {@code period - 1}).
 */
final class Bbands extends FunctionDef {
    Bbands() {
        super(function("bbands", Group.OVERLAP_STUDIES, "Bollinger Bands")
                .overlap()
                .inputReal()
                .paramPeriod(5, 2)
                .paramReal("nbdevup", 2, REAL_MIN, REAL_MAX)
                .paramReal("nbdevdn", 2, REAL_MIN, REAL_MAX)
                .paramMaType("matype", MaType.SMA)
                .output("upperband")
                .output("middleband")
                .output("lowerband"));
    }

    @Override int lookback(Args a) { return MovingAverage.lookback(a.maType(3), a.integer(0)); }

    /**
     * MAMA's lookback is 32 whatever the period, so over more than 33 bars TA-Lib's deviation (which needs
     * {@code period - 1} bars) starts after the middle band: TA-Lib then writes the bands from bar {@code period - 1}
     * (not its own lookback, 32) with the middle band of {@code period - 33} bars earlier. Refused, as are the
     * averages {@link MovingAverage#refusal} refuses.
     */
    @Override String refusal(Args a) {
        int period = a.integer(0);
        return varianceStart(a.maType(3), period) < 0
                ? "timeperiod above 33 with matype mama: TA-Lib shifts the middle band " + (period - 33)
                        + " bars late against the deviation; use timeperiod 33 or less, or another matype"
                : MovingAverage.refusal(a.maType(3), period, "timeperiod");
    }

    /**
     * The bar TA-Lib's STDDEV starts summing at: TA-Lib starts it at the average's first value, so the sums begin
     * {@code period - 1} bars before that (negative for the refused MAMA sets).
     */
    private static int varianceStart(MaType type, int period) {
        return MovingAverage.lookback(type, period) - (period - 1);
    }

    private RunningVariance variance(Args a) {
        String refused = refusal(a);
        if (refused != null) throw new IllegalArgumentException("bbands: " + refused);
        return new RunningVariance(a.integer(0), varianceStart(a.maType(3), a.integer(0)));
    }

    @Override Step step(Args a) {
        int period = a.integer(0), lookback = lookback(a);
        double up = a.real(1), dn = a.real(2);
        RunningVariance variance = variance(a);
        RealStep ma = MovingAverage.step(a.maType(3), period);
        int[] bar = {0};
        return (in, out) -> {
            double middle = ma.next(in[0]);
            double sd = RunningVariance.deviation(variance.next(in[0]));
            if (bar[0]++ < lookback) {
                out[0] = out[1] = out[2] = Double.NaN;
                return;
            }
            out[0] = upper(middle, sd, up);
            out[1] = middle;
            out[2] = lower(middle, sd, dn);
        };
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int period = a.integer(0), lookback = lookback(a);
        double up = a.real(1), dn = a.real(2);
        double[] x = in[0], upper = out[0], middle = out[1], lower = out[2];
        RunningVariance variance = variance(a);
        if (!warmUp(out, off, len, lookback)) return;
        int i = off, end = off + len;
        if (a.maType(3) == MaType.SMA && period > 1) {
            // the SMA's sum is the variance's first sum: one pass for both, the variance into the upper band
            RunningVariance.batch(period, x, off, len, upper, middle);
            for (i += lookback; i < end; i++) {
                double sd = RunningVariance.deviation(upper[i]);
                upper[i] = upper(middle[i], sd, up);
                lower[i] = lower(middle[i], sd, dn);
            }
            return;
        }
        MovingAverage.batch(a.maType(3), period, x, off, len, middle);
        for (; i < off + lookback; i++) variance.next(x[i]);
        for (; i < end; i++) {
            double sd = RunningVariance.deviation(variance.next(x[i]));
            upper[i] = upper(middle[i], sd, up);
            lower[i] = lower(middle[i], sd, dn);
        }
    }

    // TA-Lib multiplies the deviation by the factor, then adds it to (or subtracts it from) the middle band
    private static double upper(double middle, double sd, double up) { return middle + sd * up; }

    private static double lower(double middle, double sd, double dn) { return middle - sd * dn; }
}
