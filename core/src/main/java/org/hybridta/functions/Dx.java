package org.hybridta.functions;

/** TA-Lib's DX: {@code 100 * |-DI - +DI| / (-DI + +DI)}; where TA-Lib skips a bar (zero range or DI sum) it repeats the previous value (0 at the first). */
final class Dx extends DirectionalFunction {
    Dx() { super("dx", "Directional Movement Index", true, 14, 2); }

    @Override int lookback(Args a) { return a.integer(0); }

    @Override void run(Directional d, double[] high, double[] low, double[] close, int from, int to, double[] out) {
        d.dx(high, low, close, from, to, out);
    }
}
