package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_VERY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLCONCEALBABYSWALL: two black marubozu, a black candle gapping down whose upper shadow reaches into the prior body, a fourth black engulfing it with its shadows (+100). */
final class CdlConcealBabySwall extends Pattern {
    CdlConcealBabySwall() {
        super("cdlconcealbabyswall", "Concealing Baby Swallow");
    }

    @Override int lookback(CandleSettings s) { return s.avgPeriod(SHADOW_VERY_SHORT) + 3; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage veryShort3 = average(SHADOW_VERY_SHORT, 3);
            final CandleAverage veryShort2 = average(SHADOW_VERY_SHORT, 2);
            final CandleAverage veryShort1 = average(SHADOW_VERY_SHORT, 1);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tVeryShort3 = veryShort3.total, tVeryShort2 = veryShort2.total, tVeryShort1 = veryShort1.total;
                double[] h = c.high, l = c.low, cl = c.close;
                for (int i = from; i < end; i++) {
                    // the colours, coin tosses, in one branch (& evaluates both sides), then the tests on prices alone,
                    // then the averages: all are pure comparisons, so the order does not change the outcome
                    int signal = (c.black(i - 3) & c.black(i - 2) & c.black(i - 1) & c.black(i)) != 0
                            && c.bodyGapDown(i - 1, i - 2)
                            && h[i - 1] > cl[i - 2]
                            && h[i] > h[i - 1] && l[i] < l[i - 1]
                            && c.lowerShadow(i - 3) < veryShort3.at(c, i - 3, tVeryShort3) && c.upperShadow(i - 3) < veryShort3.at(c, i - 3, tVeryShort3)
                            && c.lowerShadow(i - 2) < veryShort2.at(c, i - 2, tVeryShort2) && c.upperShadow(i - 2) < veryShort2.at(c, i - 2, tVeryShort2)
                            && c.upperShadow(i - 1) > veryShort1.at(c, i - 1, tVeryShort1) ? 100 : 0;
                    out[i - base] = signal;
                    tVeryShort3 = veryShort3.rolled(c, i, tVeryShort3);
                    tVeryShort2 = veryShort2.rolled(c, i, tVeryShort2);
                    tVeryShort1 = veryShort1.rolled(c, i, tVeryShort1);
                }
                veryShort3.total = tVeryShort3;
                veryShort2.total = tVeryShort2;
                veryShort1.total = tVeryShort1;
            }
        };
    }
}
