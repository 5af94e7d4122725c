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
                // The tests on prices alone, the colours sliding from bar to bar, skip to the next bar passing them (about
                // 1 in 500 of a random walk), the averages roll up to it, then its tests on the averages: those are so
                // rarely reached that C2 leaves their methods (at, the shadows) as calls, and a call inside one loop
                // over every bar made it markedly slower. The colours, coin tosses, and the engulfing high, the most
                // selective, as masks in one branch; all are pure comparisons, so neither the order nor the split
                // changes the outcome, and each bar's averages are TA-Lib's at that bar
                for (int i = from, rolled = from; ; i++) {
                    int black3 = c.black(i - 3), black2 = c.black(i - 2), black1 = c.black(i - 1);
                    for (; i < end; i++) {
                        int black0 = c.black(i);
                        if ((black3 & black2 & black1 & black0 & Candles.below(h[i - 1], h[i])) != 0
                                && c.bodyGapDown(i - 1, i - 2)
                                && h[i - 1] > cl[i - 2]
                                && l[i] < l[i - 1]) break;
                        out[i - base] = 0;
                        black3 = black2;
                        black2 = black1;
                        black1 = black0;
                    }
                    for (; rolled < i; rolled++) {
                        tVeryShort3 = veryShort3.rolled(c, rolled, tVeryShort3);
                        tVeryShort2 = veryShort2.rolled(c, rolled, tVeryShort2);
                        tVeryShort1 = veryShort1.rolled(c, rolled, tVeryShort1);
                    }
                    if (i == end) break;
                    out[i - base] = c.lowerShadow(i - 3) < veryShort3.at(c, i - 3, tVeryShort3) && c.upperShadow(i - 3) < veryShort3.at(c, i - 3, tVeryShort3)
                            && c.lowerShadow(i - 2) < veryShort2.at(c, i - 2, tVeryShort2) && c.upperShadow(i - 2) < veryShort2.at(c, i - 2, tVeryShort2)
                            && c.upperShadow(i - 1) > veryShort1.at(c, i - 1, tVeryShort1) ? 100 : 0;
                }
                veryShort3.total = tVeryShort3;
                veryShort2.total = tVeryShort2;
                veryShort1.total = tVeryShort1;
            }
        };
    }
}
