package org.hybridta.functions;

import static org.hybridta.functions.Candles.below;
import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.FAR;
import static org.hybridta.indicator.CandleSettings.Setting.NEAR;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLADVANCEBLOCK: three rising white candles whose advance weakens (shrinking bodies, growing upper shadows) (-100). */
final class CdlAdvanceBlock extends Pattern {
    CdlAdvanceBlock() {
        super("cdladvanceblock", "Advance Block");
    }

    @Override int lookback(CandleSettings s) {
        return Math.max(Math.max(Math.max(s.avgPeriod(SHADOW_LONG), s.avgPeriod(SHADOW_SHORT)),
                Math.max(s.avgPeriod(FAR), s.avgPeriod(NEAR))), s.avgPeriod(BODY_LONG)) + 2;
    }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage shadowShort2 = average(SHADOW_SHORT, 2);
            final CandleAverage shadowShort1 = average(SHADOW_SHORT, 1);
            final CandleAverage shadowShort0 = average(SHADOW_SHORT, 0);
            final CandleAverage shadowLong0 = average(SHADOW_LONG, 0);
            final CandleAverage near2 = average(NEAR, 2);
            final CandleAverage near1 = average(NEAR, 1);
            final CandleAverage far2 = average(FAR, 2);
            final CandleAverage far1 = average(FAR, 1);
            final CandleAverage long2 = average(BODY_LONG, 2);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tShadowShort2 = shadowShort2.total, tShadowShort1 = shadowShort1.total, tShadowShort0 = shadowShort0.total, tShadowLong0 = shadowLong0.total, tNear2 = near2.total, tNear1 = near1.total, tFar2 = far2.total, tFar1 = far1.total, tLong2 = long2.total;
                double[] o = c.open, cl = c.close;
                // the colours and the rises of the closes and the opens slide from bar to bar, each computed once
                int b2 = c.black(from - 2), b1 = c.black(from - 1);
                int rise1 = below(cl[from - 2], cl[from - 1]), openRise1 = below(o[from - 2], o[from - 1]);
                for (int i = from; i < end; i++) {
                    int b0 = c.black(i), rise0 = below(cl[i - 1], cl[i]), openRise0 = below(o[i - 1], o[i]);
                    // TA-Lib's tests on prices alone, the coin-toss colours (as branches they mispredicted) and the rises,
                    // as masks without a branch (Candles.black, below) in one branch, then those on the averages: all are
                    // pure comparisons, so the order does not change the outcome
                    int signal = (~(b2 | b1 | b0) & rise1 & rise0 & openRise1 & openRise0) != 0
                            && o[i - 1] <= cl[i - 2] + near2.at(c, i - 2, tNear2)
                            && o[i] <= cl[i - 1] + near1.at(c, i - 1, tNear1)
                            && c.body(i - 2) > long2.at(c, i - 2, tLong2)
                            && c.upperShadow(i - 2) < shadowShort2.at(c, i - 2, tShadowShort2)
                            && (
                                // the 2nd far smaller than the 1st, the 3rd not longer than the 2nd
                                c.body(i - 1) < c.body(i - 2) - far2.at(c, i - 2, tFar2) && c.body(i) < c.body(i - 1) + near1.at(c, i - 1, tNear1)
                                // the 3rd far smaller than the 2nd
                                || c.body(i) < c.body(i - 1) - far1.at(c, i - 1, tFar1)
                                // progressively smaller bodies, and the 3rd or the 2nd with an upper shadow that is not short
                                || c.body(i) < c.body(i - 1) && c.body(i - 1) < c.body(i - 2)
                                    && (c.upperShadow(i) > shadowShort0.at(c, i, tShadowShort0) || c.upperShadow(i - 1) > shadowShort1.at(c, i - 1, tShadowShort1))
                                // a smaller 3rd with a long upper shadow
                                || c.body(i) < c.body(i - 1) && c.upperShadow(i) > shadowLong0.at(c, i, tShadowLong0)) ? -100 : 0;
                    out[i - base] = signal;
                    tShadowShort2 = shadowShort2.rolled(c, i, tShadowShort2);
                    tShadowShort1 = shadowShort1.rolled(c, i, tShadowShort1);
                    tShadowShort0 = shadowShort0.rolled(c, i, tShadowShort0);
                    tShadowLong0 = shadowLong0.rolled(c, i, tShadowLong0);
                    tNear2 = near2.rolled(c, i, tNear2);
                    tNear1 = near1.rolled(c, i, tNear1);
                    tFar2 = far2.rolled(c, i, tFar2);
                    tFar1 = far1.rolled(c, i, tFar1);
                    tLong2 = long2.rolled(c, i, tLong2);
                    b2 = b1;
                    b1 = b0;
                    rise1 = rise0;
                    openRise1 = openRise0;
                }
                shadowShort2.total = tShadowShort2;
                shadowShort1.total = tShadowShort1;
                shadowShort0.total = tShadowShort0;
                shadowLong0.total = tShadowLong0;
                near2.total = tNear2;
                near1.total = tNear1;
                far2.total = tFar2;
                far1.total = tFar1;
                long2.total = tLong2;
            }
        };
    }
}
