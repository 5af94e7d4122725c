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

    /**
     * The step's arithmetic in passes: the transform's recursion alone first, leaving each bar's mean length in the
     * output; then the means, four bars at a time (four independent chains of additions in one loop, where one bar's
     * sum of up to 50 prices would wait on each addition), over the lengths; then their weighted average.
     */
    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        double[] x = in[0], o = out[0];
        HilbertTransform ht = HilbertTransform.phase();
        int end = off + len, first = end;                   // the first bar the filters run on
        for (int i = off; i < end; i++) {
            if (ht.next(x[i])) {
                if (first == end) first = i;
                o[i] = HilbertTransform.Trendline.period(ht.smoothPeriod());
            } else {
                o[i] = Double.NaN;
            }
        }
        int i = first;
        for (; i + 3 < end; i += 4) {
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
        for (; i < end; i++) o[i] = HilbertTransform.Trendline.mean(x, off, i, (int) o[i]);
        HilbertTransform.Trendline trendline = new HilbertTransform.Trendline();
        int from = off + HilbertTransform.PHASE_LOOKBACK;
        for (i = first; i < end; i++) {
            double t = trendline.next(o[i]);
            o[i] = i < from ? Double.NaN : t;
        }
    }

    /** {@code sum} plus {@code x[last - k]}, {@code x[last - k - 1]} ... down to {@code x[last - n + 1]}. */
    private static double finish(double[] x, int last, int k, int n, double sum) {
        for (; k < n; k++) sum += x[last - k];
        return sum;
    }
}
