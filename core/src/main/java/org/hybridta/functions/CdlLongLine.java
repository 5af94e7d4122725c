package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_SHORT;

import org.hybridta.indicator.CandleSettings;
import org.hybridta.indicator.CandleSettings.Setting;

/** TA-Lib's CDLLONGLINE: a long body with short shadows (±100, its colour). */
final class CdlLongLine extends Pattern {
    CdlLongLine() {
        super("cdllongline", "Long Line Candle");
    }

    @Override int lookback(CandleSettings s) { return lookback(s, SHADOW_SHORT); }

    /** The lookback of a long body with both shadows under {@code shadows} (short: long line; very short: marubozu). */
    static int lookback(CandleSettings s, Setting shadows) { return Math.max(s.avgPeriod(BODY_LONG), s.avgPeriod(shadows)); }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage long0 = average(BODY_LONG, 0);
            final CandleAverage shadows0 = average(SHADOW_SHORT, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tLong0 = long0.total, tShadows0 = shadows0.total;
                for (int i = from; i < end; i++) {
                    // the tests as masks, as CDLHIGHWAVE's (the first holds on a large share of the bars: as branches
                    // they mispredict); all are pure comparisons, so evaluating every one changes nothing
                    double shadows = shadows0.at(c, i, tShadows0);
                    int mask = Candles.below(long0.at(c, i, tLong0), c.body(i)) & Candles.below(c.upperShadow(i), shadows)
                            & Candles.below(c.lowerShadow(i), shadows);
                    out[i - base] = mask & (c.color(i) * 100);
                    tLong0 = long0.rolled(c, i, tLong0);
                    tShadows0 = shadows0.rolled(c, i, tShadows0);
                }
                long0.total = tLong0;
                shadows0.total = tShadows0;
            }
        };
    }
}
