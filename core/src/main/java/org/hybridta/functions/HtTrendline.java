package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/** TA-Lib's HT_TRENDLINE: the instantaneous trendline, the price averaged over the dominant cycle ({@link HilbertTransform.Trendline}). */
final class HtTrendline extends FunctionDef {
    HtTrendline() {
        super(function("ht_trendline", Group.OVERLAP_STUDIES, "Hilbert Transform - Instantaneous Trendline")
                .overlap()
                .inputReal()
                .output("real"));
    }

    @Override int lookback(Args a) { return HilbertTransform.PHASE_LOOKBACK; }

    @Override Step step(Args a) {
        HilbertTransform ht = HilbertTransform.phase();
        HilbertTransform.Trendline trendline = new HilbertTransform.Trendline();
        return (in, out) -> {
            double value = Double.NaN;
            trendline.add(in[0]);
            if (ht.next(in[0])) {
                double t = trendline.next(ht);
                if (ht.hasValue()) value = t;
            }
            out[0] = value;
        };
    }

    /** Bars per block of {@link #batch}'s passes: the block's prices and lengths stay in the L1 cache between them. */
    private static final int BLOCK = 1024;

    /**
     * The step's arithmetic in passes over blocks of bars: the transform's recursion alone first, leaving each bar's
     * mean length in the output; then the means, four bars at a time (four independent chains of additions in one
     * loop, where one bar's sum of up to 50 prices would wait on each addition); then their weighted average.
     */
    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        double[] x = in[0], o = out[0];
        HilbertTransform ht = HilbertTransform.phase();
        HilbertTransform.Trendline trendline = new HilbertTransform.Trendline();
        int end = off + len, from = off + HilbertTransform.PHASE_LOOKBACK;
        for (int start = off; start < end; start += BLOCK) {
            int stop = Math.min(start + BLOCK, end), first = stop;   // first: the block's first bar the filters run on
            for (int i = start; i < stop; i++) {
                if (ht.next(x[i])) {
                    if (first == stop) first = i;
                    o[i] = HilbertTransform.Trendline.period(ht.smoothPeriod());
                } else {
                    o[i] = Double.NaN;
                }
            }
            means(x, off, first, stop, o);
            for (int i = first; i < stop; i++) {
                double t = trendline.next(o[i]);
                o[i] = i < from ? Double.NaN : t;
            }
        }
    }

    /** Replaces the lengths in {@code o[from, to)} by the means ({@link HilbertTransform.Trendline#mean}), four bars at a time. */
    private static void means(double[] x, int off, int from, int to, double[] o) {
        int i = from;
        for (; i + 3 < to; i += 4) {
            int n0 = (int) o[i], n1 = (int) o[i + 1], n2 = (int) o[i + 2], n3 = (int) o[i + 3];
            if (Math.max(Math.max(n0, n1), Math.max(n2, n3)) > i - off + 1) {   // reaching before the first bar
                for (int j = i; j < i + 4; j++) o[j] = HilbertTransform.Trendline.mean(x, off, j, (int) o[j]);
                continue;
            }
            int all = Math.min(Math.min(n0, n1), Math.min(n2, n3)), k = 0;
            double sum0 = 0.0, sum1 = 0.0, sum2 = 0.0, sum3 = 0.0;
            for (; k < all; k++) {                          // each the latest first, as TA-Lib sums
                sum0 += x[i - k];
                sum1 += x[i + 1 - k];
                sum2 += x[i + 2 - k];
                sum3 += x[i + 3 - k];
            }
            o[i] = HilbertTransform.Trendline.divide(finish(x, i, k, n0, sum0), n0);
            o[i + 1] = HilbertTransform.Trendline.divide(finish(x, i + 1, k, n1, sum1), n1);
            o[i + 2] = HilbertTransform.Trendline.divide(finish(x, i + 2, k, n2, sum2), n2);
            o[i + 3] = HilbertTransform.Trendline.divide(finish(x, i + 3, k, n3, sum3), n3);
        }
        for (; i < to; i++) o[i] = HilbertTransform.Trendline.mean(x, off, i, (int) o[i]);
    }

    /** {@code sum} plus {@code x[last - k]}, {@code x[last - k - 1]} ... down to {@code x[last - n + 1]}. */
    private static double finish(double[] x, int last, int k, int n, double sum) {
        for (; k < n; k++) sum += x[last - k];
        return sum;
    }
}
