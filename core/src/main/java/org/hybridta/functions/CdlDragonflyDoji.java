package org.hybridta.functions;

import static org.hybridta.functions.Candles.below;
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
                    // the tests as masks without a branch (Candles.absAtMost, below): all are pure comparisons
                    double veryShort = veryShort0.at(c, i, tVeryShort0);
                    int found = c.bodyAtMost(i, doji0.at(c, i, tDoji0))
                            & below(dragonfly ? c.upperShadow(i) : c.lowerShadow(i), veryShort)
                            & below(veryShort, dragonfly ? c.lowerShadow(i) : c.upperShadow(i));
                    out[i - base] = found & 100;
                    tDoji0 = doji0.rolled(c, i, tDoji0);
                    tVeryShort0 = veryShort0.rolled(c, i, tVeryShort0);
                }
                doji0.total = tDoji0;
                veryShort0.total = tVeryShort0;
            }
        };
    }
}
