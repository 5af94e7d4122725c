package org.hybridta.functions;

/** TA-Lib's MINUS_DI: {@code 100 * -DM / TR} of the smoothed sums; with period 1, TA-Lib's unscaled {@code -DM / TR}. */
final class MinusDi extends DirectionalFunction {
    MinusDi() { super("minus_di", "Minus Directional Indicator", true, 14, 1); }

    @Override int lookback(Args a) { return Math.max(1, a.integer(0)); }

    @Override void run(Directional d, double[] high, double[] low, double[] close, int from, int to, double[] out) {
        d.di(false, high, low, close, from, to, out);
    }
}
