package org.hybridta.sweep;

/**
 * One pass over an output series computing every {@link Reduction.Stat}: the reference the device kernel
 * ({@code sweep_reduce} in hybridta-cuda's {@code sweep.cu}) repeats step for step.
 */
final class StatPass {
    private StatPass() {}

    /**
     * The stats of {@code out[off + from, off + len)} into {@code dst[dstOff, dstOff + STATS)}.
     *
     * @param close  the close prices, read at {@code closeOff + t} (for {@link Reduction.Stat#CROSS_BAR})
     * @param levels count above, count below, crossing level (NaN where not asked: their stats are then 0 or NaN)
     */
    static void run(double[] out, int off, double[] close, int closeOff, int from, int len, double[] levels, double[] dst, int dstOff) {
        double above = levels[0], below = levels[1], level = levels[2];
        double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        long n = 0, nAbove = 0, nBelow = 0;
        double crossBar = Double.NaN, crossDir = Double.NaN, levelBar = Double.NaN, levelDir = Double.NaN;
        int first = Math.max(from, 0);
        for (int t = first; t < len; t++) {
            double v = out[off + t];
            if (v == v) {
                sum += v;
                n++;
                min = Math.min(min, v);
                max = Math.max(max, v);
                if (v > above) nAbove++;
                if (v < below) nBelow++;
            }
            if (t >= 1) {
                double p = out[off + t - 1];
                double d0 = close[closeOff + t - 1] - p, d1 = close[closeOff + t] - v;
                if (d0 <= 0 && d1 > 0) {
                    crossBar = t;
                    crossDir = 1;
                } else if (d0 >= 0 && d1 < 0) {
                    crossBar = t;
                    crossDir = -1;
                }
                double e0 = p - level, e1 = v - level;
                if (e0 <= 0 && e1 > 0) {
                    levelBar = t;
                    levelDir = 1;
                } else if (e0 >= 0 && e1 < 0) {
                    levelBar = t;
                    levelDir = -1;
                }
            }
        }
        dst[dstOff] = len > 0 ? out[off + len - 1] : Double.NaN;
        dst[dstOff + 1] = n > 0 ? sum / n : Double.NaN;
        dst[dstOff + 2] = n > 0 ? min : Double.NaN;
        dst[dstOff + 3] = n > 0 ? max : Double.NaN;
        dst[dstOff + 4] = nAbove;
        dst[dstOff + 5] = nBelow;
        dst[dstOff + 6] = crossBar;
        dst[dstOff + 7] = crossDir;
        dst[dstOff + 8] = levelBar;
        dst[dstOff + 9] = levelDir;
    }
}
