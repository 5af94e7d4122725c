package org.hybridta.cpu;

import static org.hybridta.cpu.CpuKernels.leadingNaN;

/** Oscillators of the close and of the bar range: RSI, ROC, MOM, STOCH, WILLR, CCI. */
final class OscillatorKernels {
    private OscillatorKernels() {}

    /** TA-Lib's "is zero" test for denominators. */
    static boolean nearZero(double v) {
        return -0.00000001 < v && v < 0.00000001;
    }

    /** Wilder's RSI, seeded with the mean gain and loss of the first {@code period} changes; 0 when nothing changed. */
    static void rsi(double[] x, int off, int len, int period, double[] out) {
        if (!leadingNaN(out, off, len, period)) return;
        int end = off + len, i = off + 1;
        double prev = x[off], gain = 0.0, loss = 0.0;
        for (; i <= off + period; i++) {
            double v = x[i], d = v - prev;
            prev = v;
            if (d < 0) loss -= d;
            else gain += d;
        }
        loss /= period;
        gain /= period;
        double total = gain + loss;
        out[off + period] = !nearZero(total) ? 100.0 * (gain / total) : 0.0;
        int keep = period - 1;
        for (; i < end; i++) {
            double v = x[i], d = v - prev;
            prev = v;
            loss *= keep;
            gain *= keep;
            if (d < 0) loss -= d;
            else gain += d;
            loss /= period;
            gain /= period;
            total = gain + loss;
            out[i] = !nearZero(total) ? 100.0 * (gain / total) : 0.0;
        }
    }

    /** Rate of change in percent; 0 where the earlier close is 0. */
    static void roc(double[] x, int off, int len, int period, double[] out) {
        if (!leadingNaN(out, off, len, period)) return;
        for (int i = off + period, end = off + len; i < end; i++) {
            double then = x[i - period];
            out[i] = then != 0.0 ? ((x[i] / then) - 1.0) * 100.0 : 0.0;
        }
    }

    static void mom(double[] x, int off, int len, int period, double[] out) {
        if (!leadingNaN(out, off, len, period)) return;
        for (int i = off + period, end = off + len; i < end; i++) out[i] = x[i] - x[i - period];
    }

    /**
     * TA-Lib's slow stochastic with simple moving averages. Fast %K goes to {@code outD} as a scratch row,
     * slow %K is its SMA into {@code outK}, and %D the SMA of slow %K back into {@code outD}; the leading
     * cells are set to NaN at the end.
     */
    static void stoch(double[] high, double[] low, double[] close, int off, int len, int fastK, int slowK, int slowD,
                      double[] outK, double[] outD) {
        int lbK = fastK - 1, lb = lbK + (slowK - 1) + (slowD - 1);
        if (len <= lb) {
            leadingNaN(outK, off, len, lb);
            leadingNaN(outD, off, len, lb);
            return;
        }
        int end = off + len;
        // fast %K for bars [lbK, len): the window's extremes, rescanned only when one leaves the window
        double lowest = 0.0, highest = 0.0;
        int lowestIdx = -1, highestIdx = -1;
        for (int today = off + lbK, trailing = off; today < end; today++, trailing++) {
            double lo = low[today];
            if (lowestIdx < trailing) {
                lowestIdx = trailing;
                lowest = low[trailing];
                for (int j = trailing + 1; j <= today; j++) {
                    if (low[j] < lowest) {
                        lowestIdx = j;
                        lowest = low[j];
                    }
                }
            } else if (lo <= lowest) {
                lowestIdx = today;
                lowest = lo;
            }
            double hi = high[today];
            if (highestIdx < trailing) {
                highestIdx = trailing;
                highest = high[trailing];
                for (int j = trailing + 1; j <= today; j++) {
                    if (high[j] > highest) {
                        highestIdx = j;
                        highest = high[j];
                    }
                }
            } else if (hi >= highest) {
                highestIdx = today;
                highest = hi;
            }
            double diff = (highest - lowest) / 100.0;
            outD[today] = diff != 0.0 ? (close[today] - lowest) / diff : 0.0;
        }
        smaInto(outD, off + lbK, end, slowK, outK);
        smaInto(outK, off + lbK + slowK - 1, end, slowD, outD);
        leadingNaN(outK, off, len, lb);
        leadingNaN(outD, off, len, lb);
    }

    /**
     * TA-Lib's {@code movingAverage} with {@code MAType.Sma} over {@code src[from, end)}, written aligned:
     * {@code dst[i]} is the mean of {@code src(i - period, i]} for {@code i >= from + period - 1}. Period 1 copies.
     */
    private static void smaInto(double[] src, int from, int end, int period, double[] dst) {
        if (period == 1) {
            System.arraycopy(src, from, dst, from, end - from);
            return;
        }
        int i = from, trailing = from;
        double total = 0;
        for (; i < from + period - 1; i++) total += src[i];
        for (; i < end; i++) {
            total += src[i];
            double sum = total;
            total -= src[trailing++];
            dst[i] = sum / period;
        }
    }

    /** Williams' %R in [-100, 0]; 0 when the window's range is 0. The extremes are found as in {@link #stoch}. */
    static void willr(double[] high, double[] low, double[] close, int off, int len, int period, double[] out) {
        int lb = period - 1;
        if (!leadingNaN(out, off, len, lb)) return;
        int end = off + len;
        double lowest = 0.0, highest = 0.0;
        int lowestIdx = -1, highestIdx = -1;
        for (int today = off + lb, trailing = off; today < end; today++, trailing++) {
            double lo = low[today];
            if (lowestIdx < trailing) {
                lowestIdx = trailing;
                lowest = low[trailing];
                for (int j = trailing + 1; j <= today; j++) {
                    if (low[j] < lowest) {
                        lowestIdx = j;
                        lowest = low[j];
                    }
                }
            } else if (lo <= lowest) {
                lowestIdx = today;
                lowest = lo;
            }
            double hi = high[today];
            if (highestIdx < trailing) {
                highestIdx = trailing;
                highest = high[trailing];
                for (int j = trailing + 1; j <= today; j++) {
                    if (high[j] > highest) {
                        highestIdx = j;
                        highest = high[j];
                    }
                }
            } else if (hi >= highest) {
                highestIdx = today;
                highest = hi;
            }
            double diff = (highest - lowest) / (-100.0);
            out[today] = diff != 0.0 ? (highest - close[today]) / diff : 0.0;
        }
    }

    /**
     * CCI over the typical price. Like TA-Lib it keeps the last {@code period} typical prices in a circular
     * buffer and sums the whole buffer, in buffer order, for the mean and again for the mean deviation at
     * every bar (a running sum would round differently). The sum for the next bar is accumulated in the same
     * loop as this bar's deviations: the same additions in the same order, but two independent chains the
     * processor overlaps.
     */
    static void cci(double[] high, double[] low, double[] close, int off, int len, int period, double[] out,
                    CpuKernels.Scratch scratch) {
        int lb = period - 1;
        if (!leadingNaN(out, off, len, lb)) return;
        double[] buf = scratch.a(period);
        int end = off + len, i = off;
        for (; i < off + lb; i++) buf[i - off] = (high[i] + low[i] + close[i]) / 3;
        int idx = lb;
        buf[idx] = (high[i] + low[i] + close[i]) / 3;
        double sum = 0;
        for (int j = 0; j < period; j++) sum += buf[j];
        for (; ; i++) {
            double last = buf[idx];
            double average = sum / period;
            double deviation = 0;
            int next = idx == lb ? 0 : idx + 1;
            boolean more = i + 1 < end;
            if (more) {
                double nextValue = (high[i + 1] + low[i + 1] + close[i + 1]) / 3;
                double nextSum = 0;
                for (int j = 0; j < next; j++) {
                    double b = buf[j];
                    deviation += Math.abs(b - average);
                    nextSum += b;
                }
                deviation += Math.abs(buf[next] - average);
                nextSum += nextValue;
                for (int j = next + 1; j < period; j++) {
                    double b = buf[j];
                    deviation += Math.abs(b - average);
                    nextSum += b;
                }
                buf[next] = nextValue;
                sum = nextSum;
            } else {
                for (int j = 0; j < period; j++) deviation += Math.abs(buf[j] - average);
            }
            double above = last - average;
            out[i] = above != 0.0 && deviation != 0.0 ? above / (0.015 * (deviation / period)) : 0.0;
            if (!more) return;
            idx = next;
        }
    }
}
