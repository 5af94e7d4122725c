package org.hybridta.functions;

import static org.hybridta.functions.Candles.min;
import static org.hybridta.indicator.CandleSettings.Setting.BODY_SHORT;
import static org.hybridta.indicator.CandleSettings.Setting.NEAR;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_VERY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLHAMMER: a small body with a long lower shadow and a very short upper one, near the prior candle's low (+100). */
final class CdlHammer extends Pattern {
    CdlHammer() {
        super("cdlhammer", "Hammer");
    }

    @Override int lookback(CandleSettings s) { return lookbackOf(s); }

    @Override Detector detector(CandleSettings s, Args a) { return detector(s, true); }

    /** The lookback of the hammer and the hanging man. */
    static int lookbackOf(CandleSettings s) {
        return Math.max(Math.max(Math.max(s.avgPeriod(BODY_SHORT), s.avgPeriod(SHADOW_LONG)), s.avgPeriod(SHADOW_VERY_SHORT)),
                s.avgPeriod(NEAR)) + 1;
    }

    /** The hammer's shape near the prior candle's low ({@code hammer}, +100) or the hanging man's near its high (-100). */
    static Detector detector(CandleSettings s, boolean hammer) {
        return new Detector(s) {
            final CandleAverage short0 = average(BODY_SHORT, 0);
            final CandleAverage shadowLong0 = average(SHADOW_LONG, 0);
            final CandleAverage veryShort0 = average(SHADOW_VERY_SHORT, 0);
            final CandleAverage near1 = average(NEAR, 1);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tShort0 = short0.total, tShadowLong0 = shadowLong0.total, tVeryShort0 = veryShort0.total, tNear1 = near1.total;
                for (int i = from; i < end; i++) {
                    // the tests as masks, as CDLHIGHWAVE's (one branch on the candle's tests mispredicted); all are
                    // pure comparisons, so evaluating every one changes nothing
                    double bodyLow = min(c.close[i], c.open[i]), near = near1.at(c, i - 1, tNear1);
                    int mask = Candles.below(c.body(i), short0.at(c, i, tShort0)) & Candles.below(shadowLong0.at(c, i, tShadowLong0), c.lowerShadow(i))
                            & Candles.below(c.upperShadow(i), veryShort0.at(c, i, tVeryShort0))
                            & (hammer ? Candles.atMost(bodyLow, c.low[i - 1] + near) : Candles.atMost(c.high[i - 1] - near, bodyLow));
                    out[i - base] = mask & (hammer ? 100 : -100);
                    tShort0 = short0.rolled(c, i, tShort0);
                    tShadowLong0 = shadowLong0.rolled(c, i, tShadowLong0);
                    tVeryShort0 = veryShort0.rolled(c, i, tVeryShort0);
                    tNear1 = near1.rolled(c, i, tNear1);
                }
                short0.total = tShort0;
                shadowLong0.total = tShadowLong0;
                veryShort0.total = tVeryShort0;
                near1.total = tNear1;
            }
        };
    }
}
