package org.hybridta.cpu;

import static org.hybridta.cpu.CpuKernels.leadingNaN;

/** Indicators of volume: OBV and MFI. */
final class VolumeKernels {
    private VolumeKernels() {}

    /** On-balance volume, starting at the first bar's volume (TA-Lib), unchanged on an unchanged close. */
    static void obv(double[] close, double[] volume, int off, int len, double[] out) {
        if (len == 0) return;
        double obv = volume[off], prev = close[off];
        for (int i = off, end = off + len; i < end; i++) {
            double c = close[i];
            if (c > prev) obv += volume[i];
            else if (c < prev) obv -= volume[i];
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
            total = posSum + negSum;
            out[today] = total < 1.0 ? 0.0 : 100.0 * (posSum / total);
            if (++idx == period) idx = 0;
        }
    }
}
