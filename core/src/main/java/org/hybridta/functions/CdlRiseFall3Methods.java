package org.hybridta.functions;

import static org.hybridta.functions.Candles.max;
import static org.hybridta.functions.Candles.min;
import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.BODY_SHORT;

import org.hybridta.indicator.CandleSettings;

/**
 * TA-Lib's CDLRISEFALL3METHODS: a long candle, three small ones of the other colour moving against it inside its
 * range, then a long one of the first's colour closing beyond its close (±100, the first's colour).
 */
final class CdlRiseFall3Methods extends Pattern {
    CdlRiseFall3Methods() {
        super("cdlrisefall3methods", "Rising/Falling Three Methods");
    }

    @Override int lookback(CandleSettings s) { return Math.max(s.avgPeriod(BODY_SHORT), s.avgPeriod(BODY_LONG)) + 4; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage long4 = average(BODY_LONG, 4);
            final CandleAverage short3 = average(BODY_SHORT, 3);
            final CandleAverage short2 = average(BODY_SHORT, 2);
            final CandleAverage short1 = average(BODY_SHORT, 1);
            final CandleAverage long0 = average(BODY_LONG, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tLong4 = long4.total, tShort3 = short3.total, tShort2 = short2.total, tShort1 = short1.total, tLong0 = long0.total;
                double[] o = c.open, h = c.high, l = c.low, cl = c.close;
                // the colours as masks (Candles.black): coin tosses, which as branches mispredicted; each slides to the
                // bars after, computed once
                int b4 = c.black(from - 4), b3 = c.black(from - 3), b2 = c.black(from - 2), b1 = c.black(from - 1);
                for (int i = from; i < end; i++) {
                    int b0 = c.black(i);
                    int first = (1 ^ b4) - b4;
                    // the colours in one branch, before the averages
                    int signal = ((b4 ^ b3) & ~(b3 ^ b2) & ~(b2 ^ b1) & (b1 ^ b0)) != 0
                            && c.body(i - 4) > long4.at(c, i - 4, tLong4)
                            && c.body(i - 3) < short3.at(c, i - 3, tShort3)
                            && c.body(i - 2) < short2.at(c, i - 2, tShort2)
                            && c.body(i - 1) < short1.at(c, i - 1, tShort1)
                            && c.body(i) > long0.at(c, i, tLong0)
                            && min(o[i - 3], cl[i - 3]) < h[i - 4] && max(o[i - 3], cl[i - 3]) > l[i - 4]
                            && min(o[i - 2], cl[i - 2]) < h[i - 4] && max(o[i - 2], cl[i - 2]) > l[i - 4]
                            && min(o[i - 1], cl[i - 1]) < h[i - 4] && max(o[i - 1], cl[i - 1]) > l[i - 4]
                            // TA-Lib multiplies by the first candle's colour to compare in its direction
                            && cl[i - 2] * first < cl[i - 3] * first
                            && cl[i - 1] * first < cl[i - 2] * first
                            && o[i] * first > cl[i - 1] * first
                            && cl[i] * first > cl[i - 4] * first ? 100 * first : 0;
                    out[i - base] = signal;
                    tLong4 = long4.rolled(c, i, tLong4);
                    tShort3 = short3.rolled(c, i, tShort3);
                    tShort2 = short2.rolled(c, i, tShort2);
                    tShort1 = short1.rolled(c, i, tShort1);
                    tLong0 = long0.rolled(c, i, tLong0);
                    b4 = b3;
                    b3 = b2;
                    b2 = b1;
                    b1 = b0;
                }
                long4.total = tLong4;
                short3.total = tShort3;
                short2.total = tShort2;
                short1.total = tShort1;
                long0.total = tLong0;
            }
        };
    }
}
