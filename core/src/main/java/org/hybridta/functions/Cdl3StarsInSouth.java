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
                for (int i = from; i < end; i++) {
                    // the colours in one branch (& evaluates every side), then the other tests on prices alone, then the
                    // averages: all are pure comparisons, so the order does not change the outcome
                    int signal = (c.black(i - 2) & c.black(i - 1) & c.black(i)) != 0
                            && l[i - 1] < cl[i - 2] && l[i - 1] >= l[i - 2]
                            && l[i] > l[i - 1] && h[i] < h[i - 1]
                            && o[i - 1] > cl[i - 2] && o[i - 1] <= h[i - 2]
                            && c.body(i - 1) < c.body(i - 2)
                            && c.body(i - 2) > long2.at(c, i - 2, tLong2)
                            && c.lowerShadow(i - 2) > shadowLong2.at(c, i - 2, tShadowLong2)
                            && c.lowerShadow(i - 1) > veryShort1.at(c, i - 1, tVeryShort1)
                            && c.body(i) < short0.at(c, i, tShort0)
                            && c.lowerShadow(i) < veryShort0.at(c, i, tVeryShort0)
                            && c.upperShadow(i) < veryShort0.at(c, i, tVeryShort0) ? 100 : 0;
                    out[i - base] = signal;
                    tLong2 = long2.rolled(c, i, tLong2);
                    tShadowLong2 = shadowLong2.rolled(c, i, tShadowLong2);
                    tVeryShort1 = veryShort1.rolled(c, i, tVeryShort1);
                    tVeryShort0 = veryShort0.rolled(c, i, tVeryShort0);
                    tShort0 = short0.rolled(c, i, tShort0);
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
