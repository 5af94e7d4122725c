package org.hybridta.functions;

/**
 * TA-Lib's ADX: the mean of the DX of bars {@code period .. 2 * period - 1}, then Wilder's average of DX; a bar
 * whose DX TA-Lib skips (zero range or DI sum) leaves it unchanged. +DI and -DI are PLUS_DI and MINUS_DI.
 */
final class Adx extends DirectionalFunction {
    Adx() { super("adx", "Average Directional Movement Index", Directional.Sums.ALL, 14, 2); }

    @Override int lookback(Args a) { return 2 * a.integer(0) - 1; }

    // sums[0]: the sum of the seeding DXs, then the ADX
    @Override double value(Directional d, int period, int t, double previous, double[] sums) {
        if (t < period) return Double.NaN;
        // one call of each on d, hot: a call C2 leaves out of line (a cold one) would keep d in memory
        boolean hasDx = d.hasDx();
        double dx = hasDx ? d.dx() : 0.0;
        if (t < 2 * period - 1) {
            if (hasDx) sums[0] += dx;
            return Double.NaN;
        }
        if (t == 2 * period - 1) {
            if (hasDx) sums[0] += dx;
            sums[0] = sums[0] / period;
        } else if (hasDx) {
            sums[0] = ((sums[0] * (period - 1)) + dx) / period;
        }
        return sums[0];
    }
}
