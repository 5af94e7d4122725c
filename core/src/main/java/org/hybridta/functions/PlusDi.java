package org.hybridta.functions;

/** TA-Lib's PLUS_DI: {@code 100 * +DM / TR} of the smoothed sums; with period 1, TA-Lib's unscaled {@code +DM / TR}. */
final class PlusDi extends DirectionalFunction {
    PlusDi() { super("plus_di", "Plus Directional Indicator", Directional.Sums.PLUS_DI, 14, 1); }

    @Override int lookback(Args a) { return Math.max(1, a.integer(0)); }

    @Override double value(Directional d, int period, int t, double previous, double[] sums) {
        if (period == 1) {
            // TA-Lib: 0 without a +DM (plusDm1 is 0.0 then, positive else) or with a zero true range
            return d.plusDm1 > 0 && !isZero(d.trueRange) ? d.plusDm1 / d.trueRange : 0.0;
        }
        return d.plusDi();
    }
}
