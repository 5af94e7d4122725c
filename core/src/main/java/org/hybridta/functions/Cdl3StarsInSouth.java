package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.BODY_SHORT;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_VERY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDL3STARSINSOUTH: three black candles, a long one with a long lower shadow, a smaller one trading lower but not below it, a small marubozu inside the second's range (+100). */
final class Cdl3StarsInSouth extends Pattern {
    Cdl3StarsInSouth() {
        super("cdl3starsinsouth", "Three Stars In The South");
    }

    @Override int lookback(CandleSettings s) {
        return Math.max(Math.max(s.avgPeriod(SHADOW_VERY_SHORT), s.avgPeriod(SHADOW_LONG)),
                Math.max(s.avgPeriod(BODY_LONG), s.avgPeriod(BODY_SHORT))) + 2;
    }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage long2 = average(BODY_LONG, 2);
            final CandleAverage shadowLong2 = average(SHADOW_LONG, 2);
            final CandleAverage veryShort1 = average(SHADOW_VERY_SHORT, 1);
            final CandleAverage veryShort0 = average(SHADOW_VERY_SHORT, 0);
            final CandleAverage short0 = average(BODY_SHORT, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tLong2 = long2.total, tShadowLong2 = shadowLong2.total, tVeryShort1 = veryShort1.total, tVeryShort0 = veryShort0.total, tShort0 = short0.total;
                double[] o = c.open, h = c.high, l = c.low, cl = c.close;
                // Three loops, as CdlConcealBabySwall: the tests on prices alone, the colours sliding from bar to bar, skip
                // to the next bar passing them (about 1 in 2,400 of a random walk), the averages roll up to it, then its
                // tests on the averages. Those are so rarely reached that C2 leaves their methods (at, the shadows) as
                // calls, and a call inside one loop over every bar made it twice as slow. The colours, a coin toss,
                // and the lows, the most selective, as masks in one branch; all are pure comparisons, so neither the
                // order nor the split changes the outcome, and each bar's averages are TA-Lib's at that bar
                for (int i = from, rolled = from; ; i++) {
                    int black2 = c.black(i - 2), black1 = c.black(i - 1);
                    for (; i < end; i++) {
                        int black0 = c.black(i);
                        if ((black2 & black1 & black0 & Candles.atMost(l[i - 2], l[i - 1]) & Candles.below(l[i - 1], l[i])) != 0
                            && l[i - 1] < cl[i - 2] && h[i] < h[i - 1]
                            && o[i - 1] > cl[i - 2] && o[i - 1] <= h[i - 2]
                            && c.body(i - 1) < c.body(i - 2)) break;
                        out[i - base] = 0;
                        black2 = black1;
                        black1 = black0;
                    }
                    for (; rolled < i; rolled++) {
                        tLong2 = long2.rolled(c, rolled, tLong2);
                        tShadowLong2 = shadowLong2.rolled(c, rolled, tShadowLong2);
                        tVeryShort1 = veryShort1.rolled(c, rolled, tVeryShort1);
                        tVeryShort0 = veryShort0.rolled(c, rolled, tVeryShort0);
                        tShort0 = short0.rolled(c, rolled, tShort0);
                    }
                    if (i == end) break;
                    out[i - base] = c.body(i - 2) > long2.at(c, i - 2, tLong2)
                            && c.lowerShadow(i - 2) > shadowLong2.at(c, i - 2, tShadowLong2)
                            && c.lowerShadow(i - 1) > veryShort1.at(c, i - 1, tVeryShort1)
                            && c.body(i) < short0.at(c, i, tShort0)
                            && c.lowerShadow(i) < veryShort0.at(c, i, tVeryShort0)
                            && c.upperShadow(i) < veryShort0.at(c, i, tVeryShort0) ? 100 : 0;
                }
                long2.total = tLong2;
                shadowLong2.total = tShadowLong2;
                veryShort1.total = tVeryShort1;
                veryShort0.total = tVeryShort0;
                short0.total = tShort0;
            }
        };
    }
}
