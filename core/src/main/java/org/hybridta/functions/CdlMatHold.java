package org.hybridta.functions;

import static org.hybridta.functions.Candles.max;
import static org.hybridta.functions.Candles.min;
import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.BODY_SHORT;

import org.hybridta.indicator.CandleSettings;

/**
 * TA-Lib's CDLMATHOLD: a long white candle, three small falling candles (the first black, gapping up) holding above
 * {@code penetration} of its body, then a white candle closing above their highs (+100).
 */
final class CdlMatHold extends Pattern {
    CdlMatHold() {
        super("cdlmathold", "Mat Hold", 0.5);
    }

    @Override int lookback(CandleSettings s) { return Math.max(s.avgPeriod(BODY_SHORT), s.avgPeriod(BODY_LONG)) + 4; }

    @Override Detector detector(CandleSettings s, Args a) {
        double penetration = a.real(0);
        return new Detector(s) {
            final CandleAverage long4 = average(BODY_LONG, 4);
            final CandleAverage short3 = average(BODY_SHORT, 3);
            final CandleAverage short2 = average(BODY_SHORT, 2);
            final CandleAverage short1 = average(BODY_SHORT, 1);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tLong4 = long4.total, tShort3 = short3.total, tShort2 = short2.total, tShort1 = short1.total;
                double[] o = c.open, h = c.high, cl = c.close;
                // the colours slide from bar to bar, each computed once
                int b4 = c.black(from - 4), b3 = c.black(from - 3), b2 = c.black(from - 2), b1 = c.black(from - 1);
                for (int i = from; i < end; i++) {
                    int b0 = c.black(i);
                    // the coin-toss colours and the gap as masks (Candles.black, bodyGapUpMask) in one branch, before the
                    // bodies' tests, each of which holds on about half the bars: all are pure comparisons, so the order
                    // does not change the outcome
                    int signal = (~b4 & b3 & ~b0 & c.bodyGapUpMask(i - 3, i - 4)) != 0
                            && c.body(i - 4) > long4.at(c, i - 4, tLong4)
                            && c.body(i - 3) < short3.at(c, i - 3, tShort3)
                            && c.body(i - 2) < short2.at(c, i - 2, tShort2)
                            && c.body(i - 1) < short1.at(c, i - 1, tShort1)
                            && min(o[i - 2], cl[i - 2]) < cl[i - 4]
                            && min(o[i - 1], cl[i - 1]) < cl[i - 4]
                            && min(o[i - 2], cl[i - 2]) > cl[i - 4] - c.body(i - 4) * penetration
                            && min(o[i - 1], cl[i - 1]) > cl[i - 4] - c.body(i - 4) * penetration
                            && max(cl[i - 2], o[i - 2]) < o[i - 3]
                            && max(cl[i - 1], o[i - 1]) < max(cl[i - 2], o[i - 2])
                            && o[i] > cl[i - 1]
                            && cl[i] > max(max(h[i - 3], h[i - 2]), h[i - 1]) ? 100 : 0;
                    out[i - base] = signal;
                    tLong4 = long4.rolled(c, i, tLong4);
                    tShort3 = short3.rolled(c, i, tShort3);
                    tShort2 = short2.rolled(c, i, tShort2);
                    tShort1 = short1.rolled(c, i, tShort1);
                    b4 = b3;
                    b3 = b2;
                    b2 = b1;
                    b1 = b0;
                }
                long4.total = tLong4;
                short3.total = tShort3;
                short2.total = tShort2;
                short1.total = tShort1;
            }
        };
    }
}
