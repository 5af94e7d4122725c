package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.EQUAL;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLTHRUSTING: a long black candle, then a white one opening below its low and closing into its body, under the midpoint (-100). */
final class CdlThrusting extends Pattern {
    CdlThrusting() {
        super("cdlthrusting", "Thrusting Pattern");
    }

    @Override int lookback(CandleSettings s) { return Math.max(s.avgPeriod(EQUAL), s.avgPeriod(BODY_LONG)) + 1; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage equal1 = average(EQUAL, 1);
            final CandleAverage long1 = average(BODY_LONG, 1);

            @Override void scan(Candles c, int from, int end, double[] out) {
                double[] cl = c.close;
                for (int i = from; i < end; i++) {
                    int signal = c.color(i - 1) == -1 && c.body(i - 1) > long1.at(c, i - 1)
                            && c.color(i) == 1
                            && c.open[i] < c.low[i - 1]
                            && cl[i] > cl[i - 1] + equal1.at(c, i - 1)
                            && cl[i] <= cl[i - 1] + c.body(i - 1) * 0.5 ? -100 : 0;
                    out[i] = signal;
                    equal1.roll(c, i);
                    long1.roll(c, i);
                }
            }
        };
    }
}
