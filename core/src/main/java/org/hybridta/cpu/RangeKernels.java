package org.hybridta.cpu;

import static org.hybridta.cpu.CpuKernels.leadingNaN;
import static org.hybridta.cpu.OscillatorKernels.nearZero;

/** True range and what Wilder built on it: TRANGE, ATR, ADX with +DI and -DI. */
final class RangeKernels {
    private RangeKernels() {}

    /** TA-Lib's true range of a bar given the previous close, with its order of comparisons. */
    static double trueRange(double high, double low, double prevClose) {
        double greatest = high - low;
        double v = Math.abs(prevClose - high);
        if (v > greatest) greatest = v;
        v = Math.abs(prevClose - low);
        if (v > greatest) greatest = v;
        return greatest;
    }

    static void trange(double[] high, double[] low, double[] close, int off, int len, double[] out) {
        if (!leadingNaN(out, off, len, 1)) return;
        for (int i = off + 1, end = off + len; i < end; i++) out[i] = trueRange(high[i], low[i], close[i - 1]);
    }

    /** Wilder's ATR seeded with the mean of true ranges 1..period; period 1 is the true range itself. */
    static void atr(double[] high, double[] low, double[] close, int off, int len, int period, double[] out) {
        if (period == 1) {
            trange(high, low, close, off, len, out);
            return;
        }
        if (!leadingNaN(out, off, len, period)) return;
        int end = off + len, i = off + 1;
        double total = 0;
        for (; i <= off + period; i++) total += trueRange(high[i], low[i], close[i - 1]);
        double atr = total / period;
        out[off + period] = atr;
        int keep = period - 1;
        for (; i < end; i++) {
            atr *= keep;
            atr += trueRange(high[i], low[i], close[i - 1]);
            atr /= period;
            out[i] = atr;
        }
    }

    /**
     * ADX, +DI and -DI in one pass. TA-Lib's ADX, PLUS_DI and MINUS_DI smooth the same directional movements
     * and true ranges the same way (sum of bars 1..period-1, then {@code s - s / period + x}), so the DIs that
     * ADX computes internally are PLUS_DI's and MINUS_DI's values from bar {@code period} on. As in TA-Lib, a
     * DI is 0 where the smoothed true range is near zero, and a DX is skipped (ADX unchanged) where the true
     * range or the DI sum is near zero.
     */
    static void adx(double[] high, double[] low, double[] close, int off, int len, int period,
                    double[] adx, double[] plusDi, double[] minusDi) {
        int lbAdx = 2 * period - 1;
        leadingNaN(adx, off, len, lbAdx);
        leadingNaN(plusDi, off, len, period);
        if (!leadingNaN(minusDi, off, len, period)) return;
        int end = off + len, today = off;
        double prevHigh = high[today], prevLow = low[today], prevClose = close[today];
        double plusDm = 0.0, minusDm = 0.0, tr = 0.0;
        for (today++; today < off + period; today++) {
            double h = high[today], l = low[today];
            double diffP = h - prevHigh, diffM = prevLow - l;
            prevHigh = h;
            prevLow = l;
            if (diffM > 0 && diffP < diffM) minusDm += diffM;
            else if (diffP > 0 && diffP > diffM) plusDm += diffP;
            tr += trueRange(prevHigh, prevLow, prevClose);
            prevClose = close[today];
        }
        double sumDx = 0.0, average = 0.0;
        for (; today < end; today++) {
            double h = high[today], l = low[today];
            double diffP = h - prevHigh, diffM = prevLow - l;
            prevHigh = h;
            prevLow = l;
            minusDm -= minusDm / period;
            plusDm -= plusDm / period;
            if (diffM > 0 && diffP < diffM) minusDm += diffM;
            else if (diffP > 0 && diffP > diffM) plusDm += diffP;
            tr = tr - (tr / period) + trueRange(prevHigh, prevLow, prevClose);
            prevClose = close[today];
            int bar = today - off;
            if (!nearZero(tr)) {
                double minus = 100.0 * (minusDm / tr), plus = 100.0 * (plusDm / tr);
                minusDi[today] = minus;
                plusDi[today] = plus;
                double diSum = minus + plus;
                if (!nearZero(diSum)) {
                    double dx = 100.0 * (Math.abs(minus - plus) / diSum);
                    if (bar <= lbAdx) sumDx += dx;                    // bars period .. 2 * period - 1 seed the average
                    else average = ((average * (period - 1)) + dx) / period;
                }
            } else {
                minusDi[today] = 0.0;
                plusDi[today] = 0.0;
            }
            if (bar == lbAdx) average = sumDx / period;
            if (bar >= lbAdx) adx[today] = average;
        }
    }
}
