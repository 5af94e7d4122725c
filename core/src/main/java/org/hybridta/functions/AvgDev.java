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
        for (int t = off + period - 1, end = off + len; t < end; t++) o[t] = at(x, t, period);
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
