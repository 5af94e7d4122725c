package org.hybridta.functions;

/** TA-Lib's PLUS_DM: Wilder's smoothed +DM; with period 1 this bar's raw +DM. */
final class PlusDm extends DirectionalFunction {
    PlusDm() { super("plus_dm", "Plus Directional Movement", false, 14, 1); }

    @Override int lookback(Args a) { return a.integer(0) > 1 ? a.integer(0) - 1 : 1; }

    @Override void run(Directional d, double[] high, double[] low, double[] close, int from, int to, double[] out) {
        d.dm(true, high, low, from, to, out);
    }
}
