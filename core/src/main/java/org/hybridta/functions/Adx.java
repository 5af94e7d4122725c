package org.hybridta.functions;

/**
 * TA-Lib's ADX: the mean of the DX of bars {@code period .. 2 * period - 1}, then Wilder's average of DX; a bar
 * whose DX TA-Lib skips (zero range or DI sum) leaves it unchanged. +DI and -DI are PLUS_DI and MINUS_DI.
 */
final class Adx extends DirectionalFunction {
    Adx() { super("adx", "Average Directional Movement Index", true, 14, 2); }

    @Override int lookback(Args a) { return 2 * a.integer(0) - 1; }

    @Override void run(Directional d, double[] high, double[] low, double[] close, int from, int to, double[] out) {
        d.adx(high, low, close, from, to, out);
    }
}
