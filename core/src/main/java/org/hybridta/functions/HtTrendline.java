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
     * The step's arithmetic in two passes: the transform's recursion alone first, leaving each bar's mean length in
     * the output; then the means and their weighted average, whose sums over up to 50 bars no longer wait on the
     * recursion and overlap from bar to bar.
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
        HilbertTransform.Trendline trendline = new HilbertTransform.Trendline();
        int from = off + HilbertTransform.PHASE_LOOKBACK;
        for (int i = first; i < end; i++) {
            double t = trendline.next(x, off, i, (int) o[i]);
            o[i] = i < from ? Double.NaN : t;
        }
    }
}
