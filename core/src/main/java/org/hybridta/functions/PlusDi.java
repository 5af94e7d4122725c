package org.hybridta.functions;

/** TA-Lib's PLUS_DI: {@code 100 * +DM / TR} of the smoothed sums; with period 1, TA-Lib's unscaled {@code +DM / TR}. */
final class PlusDi extends DirectionalFunction {
    PlusDi() { super("plus_di", "Plus Directional Indicator", true, 14, 1); }

    @Override int lookback(Args a) { return Math.max(1, a.integer(0)); }

    @Override double value(Directional d, int period, int t, double previous, double[] sums) {
        if (period == 1) {
            if (!Directional.plusMove(d.diffPlus, d.diffMinus)) return 0.0;
            return isZero(d.trueRange) ? 0.0 : d.diffPlus / d.trueRange;
        }
        return d.plusDi();
    }
}
