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
     * The bar TA-Lib's STDDEV starts summing at. TA-Lib starts it at the average's first value, so it is ahead of
     * the bands only for an average whose lookback is shorter than {@code period - 1} (MAMA with a period above
     * 33), where TA-Lib misaligns the bands; not ported.
     */
    private static int varianceStart(Args a) {
        int period = a.integer(0);
        int start = MovingAverage.lookback(a.maType(3), period) - (period - 1);
        if (start < 0) throw new UnsupportedOperationException("bbands with " + a.maType(3).text() + " over " + period + " bars is not ported");
        return start;
    }

    @Override Step step(Args a) {
        int period = a.integer(0), lookback = lookback(a);
        double up = a.real(1), dn = a.real(2);
        RealStep ma = MovingAverage.step(a.maType(3), period);
        RunningVariance variance = new RunningVariance(period, varianceStart(a));
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
        if (!warmUp(out, off, len, lookback)) return;
        MovingAverage.batch(a.maType(3), period, x, off, len, middle);
        RunningVariance variance = new RunningVariance(period, varianceStart(a));
        int i = off, end = off + len;
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
