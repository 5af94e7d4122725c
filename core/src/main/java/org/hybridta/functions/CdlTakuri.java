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

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tDoji0 = doji0.total, tVeryShort0 = veryShort0.total, tVeryLong0 = veryLong0.total;
                for (int i = from; i < end; i++) {
                    // the tests as masks without a branch, as CDLDRAGONFLYDOJI's: all are pure comparisons
                    int found = c.bodyAtMost(i, doji0.at(c, i, tDoji0))
                            & Candles.below(c.upperShadow(i), veryShort0.at(c, i, tVeryShort0))
                            & Candles.below(veryLong0.at(c, i, tVeryLong0), c.lowerShadow(i));
                    out[i - base] = found & 100;
                    tDoji0 = doji0.rolled(c, i, tDoji0);
                    tVeryShort0 = veryShort0.rolled(c, i, tVeryShort0);
                    tVeryLong0 = veryLong0.rolled(c, i, tVeryLong0);
                }
                doji0.total = tDoji0;
                veryShort0.total = tVeryShort0;
                veryLong0.total = tVeryLong0;
            }
        };
    }
}
