package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_VERY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDL3BLACKCROWS: after a white candle, three declining black candles with very short lower shadows, each opening in the prior body (-100). */
final class Cdl3BlackCrows extends Pattern {
    Cdl3BlackCrows() {
        super("cdl3blackcrows", "Three Black Crows");
    }

    @Override int lookback(CandleSettings s) { return s.avgPeriod(SHADOW_VERY_SHORT) + 3; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage veryShort2 = average(SHADOW_VERY_SHORT, 2);
            final CandleAverage veryShort1 = average(SHADOW_VERY_SHORT, 1);
            final CandleAverage veryShort0 = average(SHADOW_VERY_SHORT, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tVeryShort2 = veryShort2.total, tVeryShort1 = veryShort1.total, tVeryShort0 = veryShort0.total;
                // the colours as masks (Candles.black; as branches they mispredicted), each computed once: they slide
                // from bar to bar
                int b3 = c.black(from - 3), b2 = c.black(from - 2), b1 = c.black(from - 1);
                for (int i = from; i < end; i++) {
                    int b0 = c.black(i);
                    // the colours, coin tosses, in one branch, before the averages
                    int signal = (~b3 & b2 & b1 & b0) != 0
                            && c.lowerShadow(i - 2) < veryShort2.at(c, i - 2, tVeryShort2)
                            && c.lowerShadow(i - 1) < veryShort1.at(c, i - 1, tVeryShort1)
                            && c.lowerShadow(i) < veryShort0.at(c, i, tVeryShort0)
                            && c.open[i - 1] < c.open[i - 2] && c.open[i - 1] > c.close[i - 2]
                            && c.open[i] < c.open[i - 1] && c.open[i] > c.close[i - 1]
                            && c.high[i - 3] > c.close[i - 2]
                            && c.close[i - 2] > c.close[i - 1] && c.close[i - 1] > c.close[i] ? -100 : 0;
                    out[i - base] = signal;
                    tVeryShort2 = veryShort2.rolled(c, i, tVeryShort2);
                    tVeryShort1 = veryShort1.rolled(c, i, tVeryShort1);
                    tVeryShort0 = veryShort0.rolled(c, i, tVeryShort0);
                    b3 = b2;
                    b2 = b1;
                    b1 = b0;
                }
                veryShort2.total = tVeryShort2;
                veryShort1.total = tVeryShort1;
                veryShort0.total = tVeryShort0;
            }
        };
    }
}
