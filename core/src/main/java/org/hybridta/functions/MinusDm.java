package org.hybridta.functions;

/** TA-Lib's MINUS_DM: Wilder's smoothed -DM; with period 1 this bar's raw -DM. */
final class MinusDm extends DirectionalFunction {
    MinusDm() { super("minus_dm", "Minus Directional Movement", false, 14, 1); }

    @Override int lookback(Args a) { return a.integer(0) > 1 ? a.integer(0) - 1 : 1; }

    @Override void run(Directional d, double[] high, double[] low, double[] close, int from, int to, double[] out) {
        d.dm(false, high, low, from, to, out);
    }
}
