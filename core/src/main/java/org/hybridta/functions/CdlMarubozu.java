package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_VERY_SHORT;

import org.hybridta.indicator.CandleSettings;

/**
 * TA-Lib's CDLMARUBOZU: a long body with very short shadows (±100, its colour); {@link CdlLongLine}'s test with
 * stricter shadows, in a loop of its own: sharing CDLLONGLINE's, whose shadow average has another range type, made
 * that loop's calls of the averages polymorphic and both patterns about twice as slow when both run.
 */
final class CdlMarubozu extends Pattern {
    CdlMarubozu() {
        super("cdlmarubozu", "Marubozu");
    }

    @Override int lookback(CandleSettings s) { return CdlLongLine.lookback(s, SHADOW_VERY_SHORT); }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage long0 = average(BODY_LONG, 0);
            final CandleAverage veryShort0 = average(SHADOW_VERY_SHORT, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tLong0 = long0.total, tVeryShort0 = veryShort0.total;
                for (int i = from; i < end; i++) {
                    // the tests as masks, as CDLHIGHWAVE's (the first holds on a large share of the bars: as branches
                    // they mispredict); all are pure comparisons, so evaluating every one changes nothing
                    double veryShort = veryShort0.at(c, i, tVeryShort0);
                    int mask = Candles.below(long0.at(c, i, tLong0), c.body(i)) & Candles.below(c.upperShadow(i), veryShort)
                            & Candles.below(c.lowerShadow(i), veryShort);
                    out[i - base] = mask & (c.color(i) * 100);
                    tLong0 = long0.rolled(c, i, tLong0);
                    tVeryShort0 = veryShort0.rolled(c, i, tVeryShort0);
                }
                long0.total = tLong0;
                veryShort0.total = tVeryShort0;
            }
        };
    }
}
