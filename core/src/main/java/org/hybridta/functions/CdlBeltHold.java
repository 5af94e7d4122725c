package org.hybridta.functions;

import static org.hybridta.functions.Candles.below;
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
                double[] h = c.high, l = c.low, p = atOpen ? c.open : c.close;
                int swap = atOpen ? 0 : -1;
                for (int i = from; i < end; i++) {
                    // without a branch: the colour is a coin toss, and so are the tests after it. The shadow at price p
                    // (the open, or the close) is the lower one, p - low, of a white candle (the upper, high - p, of a
                    // black one) at the open, and the other way round at the close: both as masks, one chosen by
                    // colour; then the signal, 100 or -100, from the colour mask
                    double veryShort = veryShort0.at(c, i, tVeryShort0);
                    int black = c.black(i), upper = black ^ swap;
                    int found = below(long0.at(c, i, tLong0), c.body(i))
                            & (~upper & below(p[i] - l[i], veryShort) | upper & below(h[i] - p[i], veryShort));
                    out[i - base] = found & ((100 ^ black) - black);
                    tLong0 = long0.rolled(c, i, tLong0);
                    tVeryShort0 = veryShort0.rolled(c, i, tVeryShort0);
                }
                long0.total = tLong0;
                veryShort0.total = tVeryShort0;
            }
        };
    }
}
