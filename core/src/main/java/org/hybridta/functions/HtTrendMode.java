package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/**
 * TA-Lib's HT_TRENDMODE: 1 where the market trends, 0 where it cycles. A trend unless the sine wave crossed its lead
 * within the last half cycle or the phase advances at about the cycle's rate; a trend anyway when the smoothed price
 * strays 1.5% or more from the instantaneous trendline ({@link HilbertTransform}).
 */
final class HtTrendMode extends FunctionDef {
    HtTrendMode() {
        super(function("ht_trendmode", Group.CYCLE_INDICATORS, "Hilbert Transform - Trend vs Cycle Mode")
                .inputReal()
                .outputInt("integer"));
    }

    @Override int lookback(Args a) { return HilbertTransform.PHASE_LOOKBACK; }

    @Override Step step(Args a) {
        Mode mode = new Mode();
        return (in, out) -> out[0] = mode.next(in[0]);
    }

    /** The state of one series: the transform's stages and the days since the sine wave last crossed its lead. */
    private static final class Mode {
        private final HilbertTransform ht = HilbertTransform.phase();
        private final HilbertTransform.Phase phase = new HilbertTransform.Phase();
        private final HilbertTransform.Trendline trendline = new HilbertTransform.Trendline();
        private int daysInTrend;
        private double dcPhase, sine, leadSine;

        /** 1 (trend) or 0 (cycle) at this bar, NaN before the lookback. */
        double next(double x) {
            trendline.add(x);
            if (!ht.next(x)) return Double.NaN;
            double prevPhase = dcPhase, prevSine = sine, prevLeadSine = leadSine;
            dcPhase = phase.next(ht);
            sine = phase.sine();
            leadSine = phase.leadSine();
            double line = trendline.next(ht);

            int trend = 1;
            if (((sine > leadSine) && (prevSine <= prevLeadSine)) || ((sine < leadSine) && (prevSine >= prevLeadSine))) {
                daysInTrend = 0;
                trend = 0;
            }
            daysInTrend++;
            double smoothPeriod = ht.smoothPeriod();
            if (daysInTrend < (0.5 * smoothPeriod)) trend = 0;
            double advance = dcPhase - prevPhase;
            if ((smoothPeriod != 0.0) && ((advance > (0.67 * 360.0 / smoothPeriod)) && (advance < (1.5 * 360.0 / smoothPeriod)))) {
                trend = 0;
            }
            if ((line != 0.0) && (Math.abs((ht.smoothed() - line) / line) >= 0.015)) trend = 1;
            return ht.hasValue() ? trend : Double.NaN;
        }
    }
}
