package org.hybridta.cpu;

import static org.hybridta.cpu.CpuKernels.leadingNaN;

/**
 * Moving averages and what is built from them: SMA, EMA, WMA, DEMA, TEMA, MACD, Bollinger bands. Every
 * method reads {@code x[off .. off + len)} and writes {@code out[off .. off + len)}.
 *
 * <p>TA-Lib computes DEMA, TEMA and MACD as EMAs of whole intermediate arrays; here the chained EMAs run
 * side by side in one pass, each seeded with the plain sum of its first {@code period} inputs exactly as
 * TA-Lib seeds it, so no intermediate array is needed and the arithmetic is unchanged.
 */
final class AverageKernels {
    private AverageKernels() {}

    /** TA-Lib's EMA smoothing factor. */
    private static double k(int period) {
        return 2.0 / (double) (period + 1);
    }

    static void sma(double[] x, int off, int len, int period, double[] out) {
        if (!leadingNaN(out, off, len, period - 1)) return;
        int end = off + len, i = off, trailing = off;
        double total = 0;
        for (; i < off + period - 1; i++) total += x[i];
        // TA_INT_SMA: add the newest, keep the sum, drop the oldest, divide the kept sum
        for (; i < end; i++) {
            total += x[i];
            double sum = total;
            total -= x[trailing++];
            out[i] = sum / period;
        }
    }

    static void ema(double[] x, int off, int len, int period, double[] out) {
        if (!leadingNaN(out, off, len, period - 1)) return;
        double k = k(period);
        int end = off + len, i = off;
        double sum = 0.0;
        for (; i < off + period; i++) sum += x[i];
        double ema = sum / period;
        out[i - 1] = ema;
        for (; i < end; i++) {
            ema = ((x[i] - ema) * k) + ema;
            out[i] = ema;
        }
    }

    static void wma(double[] x, int off, int len, int period, double[] out) {
        if (!leadingNaN(out, off, len, period - 1)) return;
        int divider = (period * (period + 1)) >> 1;
        int end = off + len, i = off, trailing = off;
        // periodSum is the weighted sum, periodSub the plain sum that each step subtracts from it
        double periodSum = 0.0, periodSub = 0.0;
        for (int w = 1; i < off + period - 1; i++, w++) {
            double v = x[i];
            periodSub += v;
            periodSum += v * w;
        }
        double trailingValue = 0.0;
        for (; i < end; i++) {
            double v = x[i];
            periodSub += v;
            periodSub -= trailingValue;
            periodSum += v * period;
            trailingValue = x[trailing++];
            out[i] = periodSum / divider;
            periodSum -= periodSub;
        }
    }

    static void dema(double[] x, int off, int len, int period, double[] out) {
        int lb = 2 * (period - 1);
        if (!leadingNaN(out, off, len, lb)) return;
        double k = k(period);
        int end = off + len, i = off;
        double sum = 0.0;
        for (; i < off + period; i++) sum += x[i];
        double e1 = sum / period;                    // first EMA, bar period - 1
        double sum2 = 0.0 + e1;                      // seed of the EMA of the EMA
        for (; i <= off + lb; i++) {
            e1 = ((x[i] - e1) * k) + e1;
            sum2 += e1;
        }
        double e2 = sum2 / period;
        out[off + lb] = (2.0 * e1) - e2;
        for (; i < end; i++) {
            e1 = ((x[i] - e1) * k) + e1;
            e2 = ((e1 - e2) * k) + e2;
            out[i] = (2.0 * e1) - e2;
        }
    }

    static void tema(double[] x, int off, int len, int period, double[] out) {
        int lbEma = period - 1, lb = 3 * lbEma;
        if (!leadingNaN(out, off, len, lb)) return;
        double k = k(period);
        int end = off + len, i = off;
        double sum = 0.0;
        for (; i < off + period; i++) sum += x[i];
        double e1 = sum / period;                    // bar lbEma
        double sum2 = 0.0 + e1;
        for (; i <= off + 2 * lbEma; i++) {
            e1 = ((x[i] - e1) * k) + e1;
            sum2 += e1;
        }
        double e2 = sum2 / period;                   // bar 2 * lbEma
        double sum3 = 0.0 + e2;
        for (; i <= off + lb; i++) {
            e1 = ((x[i] - e1) * k) + e1;
            e2 = ((e1 - e2) * k) + e2;
            sum3 += e2;
        }
        double e3 = sum3 / period;                   // bar 3 * lbEma
        // TA-Lib: out = ema3; out += (3 * ema1) - (3 * ema2)
        out[off + lb] = e3 + ((3.0 * e1) - (3.0 * e2));
        for (; i < end; i++) {
            e1 = ((x[i] - e1) * k) + e1;
            e2 = ((e1 - e2) * k) + e2;
            e3 = ((e2 - e3) * k) + e3;
            out[i] = e3 + ((3.0 * e1) - (3.0 * e2));
        }
    }

    /**
     * TA-Lib's MACD: both EMAs of the close produce their first value at bar {@code slow - 1}; the slow one
     * is seeded with the mean of closes {@code [0, slow)}, the fast one with the mean of the {@code fast}
     * closes ending at bar {@code slow - 1} (not of the first {@code fast} closes).
     */
    static void macd(double[] x, int off, int len, int fast, int slow, int signal,
                     double[] line, double[] sig, double[] hist) {
        int lb = (slow - 1) + (signal - 1);
        boolean any = leadingNaN(line, off, len, lb);
        leadingNaN(sig, off, len, lb);
        leadingNaN(hist, off, len, lb);
        if (!any) return;
        double kSlow = k(slow), kFast = k(fast), kSignal = k(signal);
        int end = off + len;
        double sum = 0.0;
        for (int i = off; i < off + slow; i++) sum += x[i];
        double slowEma = sum / slow;
        sum = 0.0;
        for (int i = off + slow - fast; i < off + slow; i++) sum += x[i];
        double fastEma = sum / fast;
        double macd = fastEma - slowEma;             // bar slow - 1
        double sumSignal = 0.0 + macd;
        int i = off + slow;
        for (; i <= off + lb; i++) {
            slowEma = ((x[i] - slowEma) * kSlow) + slowEma;
            fastEma = ((x[i] - fastEma) * kFast) + fastEma;
            macd = fastEma - slowEma;
            sumSignal += macd;
        }
        double signalEma = sumSignal / signal;
        line[off + lb] = macd;
        sig[off + lb] = signalEma;
        hist[off + lb] = macd - signalEma;
        for (; i < end; i++) {
            slowEma = ((x[i] - slowEma) * kSlow) + slowEma;
            fastEma = ((x[i] - fastEma) * kFast) + fastEma;
            macd = fastEma - slowEma;
            signalEma = ((macd - signalEma) * kSignal) + signalEma;
            line[i] = macd;
            sig[i] = signalEma;
            hist[i] = macd - signalEma;
        }
    }

    /**
     * Bollinger bands as TA-Lib computes them with a simple moving average: the variance is the running
     * mean of squares minus the squared SMA (population variance), taken as 0 below 1e-8.
     */
    static void bbands(double[] x, int off, int len, int period, double k, double[] upper, double[] middle, double[] lower) {
        int lb = period - 1;
        boolean any = leadingNaN(upper, off, len, lb);
        leadingNaN(middle, off, len, lb);
        leadingNaN(lower, off, len, lb);
        if (!any) return;
        int end = off + len, i = off, trailing = off;
        double total = 0, total2 = 0;
        for (; i < off + lb; i++) {
            double v = x[i];
            total += v;
            total2 += v * v;
        }
        for (; i < end; i++) {
            double v = x[i];
            total += v;
            double sum = total;
            double old = x[trailing++];
            total -= old;
            double mean = sum / period;
            total2 += v * v;
            double meanOfSquares = total2 / period;
            total2 -= old * old;
            double variance = meanOfSquares - mean * mean;
            double sd = !(variance < 0.00000001) ? Math.sqrt(variance) : 0.0;
            double width = sd * k;
            middle[i] = mean;
            upper[i] = mean + width;
            lower[i] = mean - width;
        }
    }
}
