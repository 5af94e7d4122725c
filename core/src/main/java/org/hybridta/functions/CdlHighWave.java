package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_SHORT;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_VERY_LONG;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLHIGHWAVE: a short body with both shadows very long (±100, its colour). */
final class CdlHighWave extends Pattern {
    CdlHighWave() {
        super("cdlhighwave", "High-Wave Candle");
    }

    @Override int lookback(CandleSettings s) { return Math.max(s.avgPeriod(BODY_SHORT), s.avgPeriod(SHADOW_VERY_LONG)); }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage short0 = average(BODY_SHORT, 0);
            final CandleAverage veryLong0 = average(SHADOW_VERY_LONG, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tShort0 = short0.total, tVeryLong0 = veryLong0.total;
                for (int i = from; i < end; i++) {
                    // the three tests as masks: each holds on about half the bars of a random walk, so as branches
                    // they mispredict; all three are pure comparisons, so evaluating every one changes nothing
                    double veryLong = veryLong0.at(c, i, tVeryLong0);
                    int mask = Candles.below(c.body(i), short0.at(c, i, tShort0)) & Candles.below(veryLong, c.upperShadow(i))
                            & Candles.below(veryLong, c.lowerShadow(i));
                    out[i - base] = mask & (c.color(i) * 100);
                    tShort0 = short0.rolled(c, i, tShort0);
                    tVeryLong0 = veryLong0.rolled(c, i, tVeryLong0);
                }
                short0.total = tShort0;
                veryLong0.total = tVeryLong0;
            }
        };
    }
}
