package org.hybridta.functions;

/** TA-Lib's MINUS_DM: Wilder's smoothed -DM; with period 1 this bar's raw -DM. */
final class MinusDm extends DirectionalFunction {
    MinusDm() { super("minus_dm", "Minus Directional Movement", Directional.Sums.MINUS_DM, 14, 1); }

    @Override int lookback(Args a) { return a.integer(0) > 1 ? a.integer(0) - 1 : 1; }

    @Override double value(Directional d, int period, int t, double previous, double[] sums) {
        if (period == 1) return d.minusDm1;
        return d.minusDm;
    }
}
