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
}
