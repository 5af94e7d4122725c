package org.hybridta.functions;

/** TA-Lib's DX: {@code 100 * |-DI - +DI| / (-DI + +DI)}; where TA-Lib skips a bar (zero range or DI sum) it repeats the previous value (0 at the first). */
final class Dx extends DirectionalFunction {
    Dx() { super("dx", "Directional Movement Index", Directional.Sums.ALL, 14, 2); }

    @Override int lookback(Args a) { return a.integer(0); }

    @Override double value(Directional d, int period, int t, double previous, double[] sums) {
        if (d.hasDx()) return d.dx();
        return t == period ? 0.0 : previous;
    }
}
