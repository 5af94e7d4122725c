package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_SHORT;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_VERY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLINVERTEDHAMMER: a small body with a long upper shadow and a very short lower one, gapping down from the prior body (+100). */
final class CdlInvertedHammer extends Pattern {
    CdlInvertedHammer() {
        super("cdlinvertedhammer", "Inverted Hammer");
    }

    @Override int lookback(CandleSettings s) { return lookbackOf(s); }

    @Override Detector detector(CandleSettings s, Args a) { return detector(s, true); }

    /** The lookback of the inverted hammer and the shooting star. */
    static int lookbackOf(CandleSettings s) {
        return Math.max(Math.max(s.avgPeriod(BODY_SHORT), s.avgPeriod(SHADOW_LONG)), s.avgPeriod(SHADOW_VERY_SHORT)) + 1;
    }

    /** The inverted hammer's shape gapping down ({@code invertedHammer}, +100) or the shooting star's gapping up (-100). */
    static Detector detector(CandleSettings s, boolean invertedHammer) {
        return new Detector(s) {
            final CandleAverage short0 = average(BODY_SHORT, 0);
            final CandleAverage shadowLong0 = average(SHADOW_LONG, 0);
            final CandleAverage veryShort0 = average(SHADOW_VERY_SHORT, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tShort0 = short0.total, tShadowLong0 = shadowLong0.total, tVeryShort0 = veryShort0.total;
                for (int i = from; i < end; i++) {
                    // the tests as masks, as CDLHAMMER's
                    int mask = Candles.below(c.body(i), short0.at(c, i, tShort0)) & Candles.below(shadowLong0.at(c, i, tShadowLong0), c.upperShadow(i))
                            & Candles.below(c.lowerShadow(i), veryShort0.at(c, i, tVeryShort0))
                            & (invertedHammer ? c.bodyGapDownMask(i, i - 1) : c.bodyGapUpMask(i, i - 1));
                    out[i - base] = mask & (invertedHammer ? 100 : -100);
                    tShort0 = short0.rolled(c, i, tShort0);
                    tShadowLong0 = shadowLong0.rolled(c, i, tShadowLong0);
                    tVeryShort0 = veryShort0.rolled(c, i, tVeryShort0);
                }
                short0.total = tShort0;
                shadowLong0.total = tShadowLong0;
                veryShort0.total = tVeryShort0;
            }
        };
    }
}
