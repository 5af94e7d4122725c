package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLDARKCLOUDCOVER: a long white candle, then a black one opening above its high and closing {@code penetration} deep into its body (-100). */
final class CdlDarkCloudCover extends Pattern {
    CdlDarkCloudCover() {
        super("cdldarkcloudcover", "Dark Cloud Cover", 0.5);
    }

    @Override int lookback(CandleSettings s) { return s.avgPeriod(BODY_LONG) + 1; }

    @Override Detector detector(CandleSettings s, Args a) {
        double penetration = a.real(0);
        return new Detector(s) {
            final CandleAverage long1 = average(BODY_LONG, 1);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tLong1 = long1.total;
                double[] o = c.open, cl = c.close;
                for (int i = from; i < end; i++) {
                    // the colours, coin tosses, and the gap in one branch (& evaluates both sides), before the average
                    int signal = (c.color(i - 1) == 1 & c.color(i) == -1 & o[i] > c.high[i - 1])
                            && c.body(i - 1) > long1.at(c, i - 1, tLong1)
                            && cl[i] > o[i - 1]
                            && cl[i] < cl[i - 1] - c.body(i - 1) * penetration ? -100 : 0;
                    out[i - base] = signal;
                    tLong1 = long1.rolled(c, i, tLong1);
                }
                long1.total = tLong1;
            }
        };
    }
}
