package org.hybridta.functions;

import static org.hybridta.functions.Candles.below;
import static org.hybridta.indicator.CandleSettings.Setting.BODY_SHORT;
import static org.hybridta.indicator.CandleSettings.Setting.FAR;
import static org.hybridta.indicator.CandleSettings.Setting.NEAR;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_VERY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDL3WHITESOLDIERS: three rising white candles with very short upper shadows, each opening within or near the prior body, none far shorter than the prior, the last not short (+100). */
final class Cdl3WhiteSoldiers extends Pattern {
    Cdl3WhiteSoldiers() {
        super("cdl3whitesoldiers", "Three Advancing White Soldiers");
    }

    @Override int lookback(CandleSettings s) {
        return Math.max(Math.max(s.avgPeriod(SHADOW_VERY_SHORT), s.avgPeriod(BODY_SHORT)),
                Math.max(s.avgPeriod(FAR), s.avgPeriod(NEAR))) + 2;
    }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage veryShort2 = average(SHADOW_VERY_SHORT, 2);
            final CandleAverage veryShort1 = average(SHADOW_VERY_SHORT, 1);
            final CandleAverage veryShort0 = average(SHADOW_VERY_SHORT, 0);
            final CandleAverage near2 = average(NEAR, 2);
            final CandleAverage near1 = average(NEAR, 1);
            final CandleAverage far2 = average(FAR, 2);
            final CandleAverage far1 = average(FAR, 1);
            final CandleAverage short0 = average(BODY_SHORT, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tVeryShort2 = veryShort2.total, tVeryShort1 = veryShort1.total, tVeryShort0 = veryShort0.total, tNear2 = near2.total, tNear1 = near1.total, tFar2 = far2.total, tFar1 = far1.total, tShort0 = short0.total;
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
                            && c.upperShadow(i - 2) < veryShort2.at(c, i - 2, tVeryShort2)
                            && c.upperShadow(i - 1) < veryShort1.at(c, i - 1, tVeryShort1)
                            && c.upperShadow(i) < veryShort0.at(c, i, tVeryShort0)
                            && o[i - 1] <= cl[i - 2] + near2.at(c, i - 2, tNear2)
                            && o[i] <= cl[i - 1] + near1.at(c, i - 1, tNear1)
                            && c.body(i - 1) > c.body(i - 2) - far2.at(c, i - 2, tFar2)
                            && c.body(i) > c.body(i - 1) - far1.at(c, i - 1, tFar1)
                            && c.body(i) > short0.at(c, i, tShort0) ? 100 : 0;
                    out[i - base] = signal;
                    tVeryShort2 = veryShort2.rolled(c, i, tVeryShort2);
                    tVeryShort1 = veryShort1.rolled(c, i, tVeryShort1);
                    tVeryShort0 = veryShort0.rolled(c, i, tVeryShort0);
                    tNear2 = near2.rolled(c, i, tNear2);
                    tNear1 = near1.rolled(c, i, tNear1);
                    tFar2 = far2.rolled(c, i, tFar2);
                    tFar1 = far1.rolled(c, i, tFar1);
                    tShort0 = short0.rolled(c, i, tShort0);
                    b2 = b1;
                    b1 = b0;
                    rise1 = rise0;
                    openRise1 = openRise0;
                }
                veryShort2.total = tVeryShort2;
                veryShort1.total = tVeryShort1;
                veryShort0.total = tVeryShort0;
                near2.total = tNear2;
                near1.total = tNear1;
                far2.total = tFar2;
                far1.total = tFar1;
                short0.total = tShort0;
            }
        };
    }
}
