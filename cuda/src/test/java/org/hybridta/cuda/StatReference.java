package org.hybridta.cuda;

/** The stats of {@link org.hybridta.sweep.Reduction}, as core's StatPass computes them (package-private there), for comparisons. */
final class StatReference {
    private StatReference() {}

    static double[] run(double[] out, int off, double[] close, int closeOff, int from, int len, double[] levels) {
        double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        long n = 0, above = 0, below = 0;
        double[] r = new double[org.hybridta.sweep.SweepSummary.STATS];
        r[6] = r[7] = r[8] = r[9] = Double.NaN;
        for (int t = Math.max(0, from); t < len; t++) {
            double v = out[off + t];
            if (v == v) {
                sum += v;
                n++;
                min = Math.min(min, v);
                max = Math.max(max, v);
                if (v > levels[0]) above++;
                if (v < levels[1]) below++;
            }
            if (t >= 1) {
                double p = out[off + t - 1], d0 = close[closeOff + t - 1] - p, d1 = close[closeOff + t] - v;
                if (d0 <= 0 && d1 > 0) { r[6] = t; r[7] = 1; } else if (d0 >= 0 && d1 < 0) { r[6] = t; r[7] = -1; }
                double e0 = p - levels[2], e1 = v - levels[2];
                if (e0 <= 0 && e1 > 0) { r[8] = t; r[9] = 1; } else if (e0 >= 0 && e1 < 0) { r[8] = t; r[9] = -1; }
            }
        }
        r[0] = len > 0 ? out[off + len - 1] : Double.NaN;
        r[1] = n > 0 ? sum / n : Double.NaN;
        r[2] = n > 0 ? min : Double.NaN;
        r[3] = n > 0 ? max : Double.NaN;
        r[4] = above;
        r[5] = below;
        return r;
    }
}
