package org.hybridta.cpu;

import static org.hybridta.cpu.CpuKernels.leadingNaN;

/** Indicators of volume: OBV and MFI. */
final class VolumeKernels {
    private VolumeKernels() {}

    /**
     * On-balance volume, starting at the first bar's volume (TA-Lib), unchanged on an unchanged close.
     *
     * <p>TA-Lib branches on the direction of the close, which a random market makes unpredictable; here the
     * volume takes the sign of the change by bit arithmetic instead. The operations are TA-Lib's: {@code obv + v}
     * on an up close, {@code obv + (-v)}, which IEEE defines as {@code obv - v}, on a down close, and on an
     * unchanged close {@code obv + (-0.0)}, which is {@code obv} bit for bit.
     */
    static void obv(double[] close, double[] volume, int off, int len, double[] out) {
        if (len == 0) return;
        double obv = volume[off], prev = close[off];
        for (int i = off, end = off + len; i < end; i++) {
            double c = close[i];
            double change = c - prev;           // +0.0, never -0.0, when c == prev; non-zero otherwise
            long sign = Double.doubleToRawLongBits(change) & Long.MIN_VALUE;
            obv += change == 0.0 ? -0.0 : Double.longBitsToDouble(Double.doubleToRawLongBits(volume[i]) ^ sign);
            out[i] = obv;
            prev = c;
        }
    }

    /**
     * Money flow index. The positive and negative flows of the last {@code period} bars sit in two ring buffers
     * so that each bar subtracts the flow leaving the window before adding its own (TA-Lib's order). 0 when
     * the window's total flow is below 1, as in TA-Lib.
     */
    static void mfi(double[] high, double[] low, double[] close, double[] volume, int off, int len, int period,
                    double[] out, CpuKernels.Scratch scratch) {
        if (!leadingNaN(out, off, len, period)) return;
        double[] pos = scratch.a(period), neg = scratch.b(period);
        int end = off + len, today = off, idx = 0;
        double prevTypical = (high[today] + low[today] + close[today]) / 3.0;
        double posSum = 0.0, negSum = 0.0;
        for (today++; today <= off + period; today++) {
            double typical = (high[today] + low[today] + close[today]) / 3.0;
            double change = typical - prevTypical;
            prevTypical = typical;
            double flow = typical * volume[today];
            if (change < 0) {
                neg[idx] = flow;
                negSum += flow;
                pos[idx] = 0.0;
            } else if (change > 0) {
                pos[idx] = flow;
                posSum += flow;
                neg[idx] = 0.0;
            } else {
                pos[idx] = 0.0;
                neg[idx] = 0.0;
            }
            idx++;
        }
        idx = 0;
        double total = posSum + negSum;
        out[off + period] = total < 1.0 ? 0.0 : 100.0 * (posSum / total);
        for (; today < end; today++) {
            posSum -= pos[idx];
            negSum -= neg[idx];
            double typical = (high[today] + low[today] + close[today]) / 3.0;
            double change = typical - prevTypical;
            prevTypical = typical;
            double flow = typical * volume[today];
            if (change == 0.0) {
                pos[idx] = 0.0;
                neg[idx] = 0.0;
            } else {
                // TA-Lib branches on the sign of the change; a mask does the same without mispredictions: the flow
                // goes to one side and +0.0 to the other, and adding +0.0 leaves a sum that is never -0.0 unchanged
                long down = Double.doubleToRawLongBits(change) >> 63;
                long bits = Double.doubleToRawLongBits(flow);
                double p = Double.longBitsToDouble(bits & ~down), n = Double.longBitsToDouble(bits & down);
                pos[idx] = p;
                neg[idx] = n;
                posSum += p;
                negSum += n;
            }
            total = posSum + negSum;
            out[today] = total < 1.0 ? 0.0 : 100.0 * (posSum / total);
            if (++idx == period) idx = 0;
        }
    }
}
