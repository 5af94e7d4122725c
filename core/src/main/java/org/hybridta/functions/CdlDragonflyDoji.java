package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_DOJI;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_VERY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLDRAGONFLYDOJI: a doji with a very short upper shadow and a lower shadow that is not (+100). */
final class CdlDragonflyDoji extends Pattern {
    CdlDragonflyDoji() {
        super("cdldragonflydoji", "Dragonfly Doji");
    }

    @Override int lookback(CandleSettings s) { return Math.max(s.avgPeriod(BODY_DOJI), s.avgPeriod(SHADOW_VERY_SHORT)); }

    @Override Detector detector(CandleSettings s, Args a) { return detector(s, true); }

    /** A doji with one very short shadow and the other not: the upper one short ({@code dragonfly}), or the lower one (gravestone). */
    static Detector detector(CandleSettings s, boolean dragonfly) {
        return new Detector(s) {
            final CandleAverage doji0 = average(BODY_DOJI, 0);
            final CandleAverage veryShort0 = average(SHADOW_VERY_SHORT, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tDoji0 = doji0.total, tVeryShort0 = veryShort0.total;
                for (int i = from; i < end; i++) {
                    int signal = c.body(i) <= doji0.at(c, i, tDoji0)
                            && (dragonfly ? c.upperShadow(i) : c.lowerShadow(i)) < veryShort0.at(c, i, tVeryShort0)
                            && (dragonfly ? c.lowerShadow(i) : c.upperShadow(i)) > veryShort0.at(c, i, tVeryShort0) ? 100 : 0;
                    out[i - base] = signal;
                    tDoji0 = doji0.rolled(c, i, tDoji0);
                    tVeryShort0 = veryShort0.rolled(c, i, tVeryShort0);
                }
                doji0.total = tDoji0;
                veryShort0.total = tVeryShort0;
            }
        };
    }
}
