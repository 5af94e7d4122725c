package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_VERY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLBELTHOLD: a long candle opening at its extreme, a white one with a very short lower shadow or a black one with a very short upper shadow (±100). */
final class CdlBeltHold extends Pattern {
    CdlBeltHold() {
        super("cdlbelthold", "Belt-hold");
    }

    @Override int lookback(CandleSettings s) { return Math.max(s.avgPeriod(BODY_LONG), s.avgPeriod(SHADOW_VERY_SHORT)); }

    @Override Detector detector(CandleSettings s, Args a) { return detector(s, true); }

    /** A long body with a very short shadow at its open ({@code atOpen}, belt-hold) or at its close (closing marubozu). */
    static Detector detector(CandleSettings s, boolean atOpen) {
        return new Detector(s) {
            final CandleAverage long0 = average(BODY_LONG, 0);
            final CandleAverage veryShort0 = average(SHADOW_VERY_SHORT, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tLong0 = long0.total, tVeryShort0 = veryShort0.total;
                for (int i = from; i < end; i++) {
                    // the shadow at the open or close, by colour, chosen without a branch (the colour is a coin toss)
                    double veryShort = veryShort0.at(c, i, tVeryShort0);
                    boolean lowerShort = c.lowerShadow(i) < veryShort, upperShort = c.upperShadow(i) < veryShort;
                    int signal = c.body(i) > long0.at(c, i, tLong0) & ((c.color(i) == 1) == atOpen ? lowerShort : upperShort) ? c.color(i) * 100 : 0;
                    out[i - base] = signal;
                    tLong0 = long0.rolled(c, i, tLong0);
                    tVeryShort0 = veryShort0.rolled(c, i, tVeryShort0);
                }
                long0.total = tLong0;
                veryShort0.total = tVeryShort0;
            }
        };
    }
}
