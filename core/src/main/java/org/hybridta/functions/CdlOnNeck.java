package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.EQUAL;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLONNECK: a long black candle, then a white one opening below its low and closing at that low (-100). */
final class CdlOnNeck extends Pattern {
    CdlOnNeck() {
        super("cdlonneck", "On-Neck Pattern");
    }

    @Override int lookback(CandleSettings s) { return Math.max(s.avgPeriod(EQUAL), s.avgPeriod(BODY_LONG)) + 1; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage equal1 = average(EQUAL, 1);
            final CandleAverage long1 = average(BODY_LONG, 1);

            @Override void scan(Candles c, int from, int end, double[] out) {
                double[] l = c.low, cl = c.close;
                for (int i = from; i < end; i++) {
                    int signal = c.color(i - 1) == -1 && c.body(i - 1) > long1.at(c, i - 1)
                            && c.color(i) == 1
                            && c.open[i] < l[i - 1]
                            && cl[i] <= l[i - 1] + equal1.at(c, i - 1)
                            && cl[i] >= l[i - 1] - equal1.at(c, i - 1) ? -100 : 0;
                    out[i] = signal;
                    equal1.roll(c, i);
                    long1.roll(c, i);
                }
            }
        };
    }
}
