package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDL2CROWS: a long white candle, a black one gapping up, a black one opening in the second's body and closing in the first's (-100). */
final class Cdl2Crows extends Pattern {
    Cdl2Crows() {
        super("cdl2crows", "Two Crows");
    }

    @Override int lookback(CandleSettings s) { return s.avgPeriod(BODY_LONG) + 2; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage long2 = average(BODY_LONG, 2);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tLong2 = long2.total;
                for (int i = from; i < end; i++) {
                    // the colours and the gap, coin tosses, in one branch (& evaluates both sides), before the average
                    int signal = (c.color(i - 2) == 1 & c.color(i - 1) == -1 & c.color(i) == -1 & c.bodyGapUp(i - 1, i - 2))
                            && c.body(i - 2) > long2.at(c, i - 2, tLong2)
                            && c.open[i] < c.open[i - 1] && c.open[i] > c.close[i - 1]
                            && c.close[i] > c.open[i - 2] && c.close[i] < c.close[i - 2] ? -100 : 0;
                    out[i - base] = signal;
                    tLong2 = long2.rolled(c, i, tLong2);
                }
                long2.total = tLong2;
            }
        };
    }
}
