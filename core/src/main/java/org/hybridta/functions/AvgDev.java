package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/**
 * TA-Lib's AVGDEV (in TA-Lib's Price Transform group): the mean absolute deviation of the last {@code timeperiod}
 * values from their mean. TA-Lib sums each window afresh (O(period) a bar), latest value first; so does this, for
 * the same rounding ({@link Window} gives the step the array's layout).
 */
final class AvgDev extends FunctionDef {
    AvgDev() {
        super(function("avgdev", Group.PRICE_TRANSFORM, "Average Deviation")
                .overlap()
                .inputReal()
                .paramPeriod(14, 2)
                .output("real"));
    }

    @Override int lookback(Args a) { return a.integer(0) - 1; }

    @Override Step step(Args a) {
        int period = a.integer(0);
        Window window = new Window(period);
        return unary(x -> window.add(x) ? at(window.values(), window.last(), period) : Double.NaN);
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int period = a.integer(0);
        if (!warmUp(out, off, len, period - 1)) return;
        double[] x = in[0], o = out[0];
        int t = off + period - 1, end = off + len;
        // four windows at a time, each in TA-Lib's order: their chains of dependent additions overlap
        for (; t + 3 < end; t += 4) {
            double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
            for (int j = t; j > t - period; j--) {
                s0 += x[j];
                s1 += x[j + 1];
                s2 += x[j + 2];
                s3 += x[j + 3];
            }
            double m0 = s0 / period, m1 = s1 / period, m2 = s2 / period, m3 = s3 / period;
            double d0 = 0.0, d1 = 0.0, d2 = 0.0, d3 = 0.0;
            for (int j = t; j > t - period; j--) {
                d0 += Math.abs(x[j] - m0);
                d1 += Math.abs(x[j + 1] - m1);
                d2 += Math.abs(x[j + 2] - m2);
                d3 += Math.abs(x[j + 3] - m3);
            }
            o[t] = d0 / period;
            o[t + 1] = d1 / period;
            o[t + 2] = d2 / period;
            o[t + 3] = d3 / period;
        }
        for (; t < end; t++) o[t] = at(x, t, period);
    }

    /** The average deviation of {@code x[last - period + 1 .. last]}, in TA-Lib's order. */
    private static double at(double[] x, int last, int period) {
        double sum = 0.0;
        for (int i = 0; i < period; i++) sum += x[last - i];
        double mean = sum / period, deviation = 0.0;
        for (int i = 0; i < period; i++) deviation += Math.abs(x[last - i] - mean);
        return deviation / period;
    }
}
