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
     * output; then the means, two bars at a time (two independent chains of additions in one loop, where one bar's
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
        for (; i + 1 < end; i += 2) {
            int n0 = (int) o[i], n1 = (int) o[i + 1];
            if (n0 > i - off + 1 || n1 > i - off + 2) {     // a window reaching before the first bar: TA-Lib's zeros
                o[i] = HilbertTransform.Trendline.mean(x, off, i, n0);
                o[i + 1] = HilbertTransform.Trendline.mean(x, off, i + 1, n1);
                continue;
            }
            int both = Math.min(n0, n1), k = 0;
            double sum0 = 0.0, sum1 = 0.0;
            for (; k < both; k++) {                        // each the latest first, as TA-Lib sums
                sum0 += x[i - k];
                sum1 += x[i + 1 - k];
            }
            for (int k0 = k; k0 < n0; k0++) sum0 += x[i - k0];
            for (int k1 = k; k1 < n1; k1++) sum1 += x[i + 1 - k1];
            o[i] = HilbertTransform.Trendline.divide(sum0, n0);
            o[i + 1] = HilbertTransform.Trendline.divide(sum1, n1);
        }
        if (i < end) o[i] = HilbertTransform.Trendline.mean(x, off, i, (int) o[i]);
        HilbertTransform.Trendline trendline = new HilbertTransform.Trendline();
        int from = off + HilbertTransform.PHASE_LOOKBACK;
        for (i = first; i < end; i++) {
            double t = trendline.next(o[i]);
            o[i] = i < from ? Double.NaN : t;
        }
    }
}
