package org.hybridta.xsection;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Each symbol's beta and correlation to a benchmark series, pair by pair over the days both have a return (two
 * passes: the means, then the sums of products of deviations). O(symbols × days): no engine needed.
 */
final class Betas {
    private Betas() {}

    /** The betas of {@code r}'s symbols to {@code benchmark} (aligned with {@code r}'s days, NaN where missing) over {@code [from, to)}. */
    static List<Beta> of(AlignedReturns r, double[] benchmark, int from, int to) {
        int t = r.days();
        double[] v = r.values();
        Beta[] out = new Beta[r.size()];
        IntStream.range(0, r.size()).parallel().forEach(i -> {
            int o = i * t;
            int n = 0;
            double sx = 0, sb = 0;
            for (int d = from; d < to; d++) {
                double x = v[o + d], b = benchmark[d];
                if (!Double.isNaN(x) && !Double.isNaN(b)) {
                    n++;
                    sx += x;
                    sb += b;
                }
            }
            double beta = Double.NaN, corr = Double.NaN;
            if (n >= CrossSection.MIN_DAYS) {
                double mx = sx / n, mb = sb / n;
                double xx = 0, bb = 0, xb = 0, x2 = 0, b2 = 0;
                for (int d = from; d < to; d++) {
                    double x = v[o + d], b = benchmark[d];
                    if (!Double.isNaN(x) && !Double.isNaN(b)) {
                        double dx = x - mx, db = b - mb;
                        xx += dx * dx;
                        bb += db * db;
                        xb += dx * db;
                        x2 += x * x;
                        b2 += b * b;
                    }
                }
                boolean flatB = Moments.flat(bb, b2);
                beta = flatB ? Double.NaN : xb / bb;
                corr = flatB || Moments.flat(xx, x2) ? Double.NaN : xb / Math.sqrt(xx * bb);
            }
            out[i] = new Beta(r.symbols().get(i), beta, corr, n);
        });
        return new ArrayList<>(List.of(out));
    }

    /** The equal-weighted universe: each day, the mean of the returns present (NaN when none is). */
    static double[] equalWeighted(AlignedReturns r) {
        int t = r.days();
        double[] v = r.values();
        double[] sum = new double[t];
        int[] count = new int[t];
        for (int i = 0; i < r.size(); i++) {
            for (int d = 0; d < t; d++) {
                double x = v[i * t + d];
                if (!Double.isNaN(x)) {
                    sum[d] += x;
                    count[d]++;
                }
            }
        }
        for (int d = 0; d < t; d++) sum[d] = count[d] == 0 ? Double.NaN : sum[d] / count[d];
        return sum;
    }
}
