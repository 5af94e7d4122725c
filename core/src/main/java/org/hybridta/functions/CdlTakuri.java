package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_DOJI;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_VERY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_VERY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLTAKURI: a doji with a very short upper shadow and a very long lower one (+100). */
final class CdlTakuri extends Pattern {
    CdlTakuri() {
        super("cdltakuri", "Takuri (Dragonfly Doji with very long lower shadow)");
    }

    @Override int lookback(CandleSettings s) {
        return Math.max(Math.max(s.avgPeriod(BODY_DOJI), s.avgPeriod(SHADOW_VERY_SHORT)), s.avgPeriod(SHADOW_VERY_LONG));
    }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage doji0 = average(BODY_DOJI, 0);
            final CandleAverage veryShort0 = average(SHADOW_VERY_SHORT, 0);
            final CandleAverage veryLong0 = average(SHADOW_VERY_LONG, 0);

            @Override void scan(Candles c, int from, int end, double[] out) {
                for (int i = from; i < end; i++) {
                    int signal = c.body(i) <= doji0.at(c, i)
                            && c.upperShadow(i) < veryShort0.at(c, i)
                            && c.lowerShadow(i) > veryLong0.at(c, i) ? 100 : 0;
                    out[i] = signal;
                    doji0.roll(c, i);
                    veryShort0.roll(c, i);
                    veryLong0.roll(c, i);
                }
            }
        };
    }
}
