package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_SHORT;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLSHORTLINE: a short body with short shadows (±100, its colour). */
final class CdlShortLine extends Pattern {
    CdlShortLine() {
        super("cdlshortline", "Short Line Candle");
    }

    @Override int lookback(CandleSettings s) { return Math.max(s.avgPeriod(BODY_SHORT), s.avgPeriod(SHADOW_SHORT)); }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage short0 = average(BODY_SHORT, 0);
            final CandleAverage shadowShort0 = average(SHADOW_SHORT, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tShort0 = short0.total, tShadowShort0 = shadowShort0.total;
                for (int i = from; i < end; i++) {
                    // the tests as masks, as CDLHIGHWAVE's (the first holds on a large share of the bars: as branches
                    // they mispredict); all are pure comparisons, so evaluating every one changes nothing
                    double shadowShort = shadowShort0.at(c, i, tShadowShort0);
                    int mask = Candles.below(c.body(i), short0.at(c, i, tShort0)) & Candles.below(c.upperShadow(i), shadowShort)
                            & Candles.below(c.lowerShadow(i), shadowShort);
                    out[i - base] = mask & (c.color(i) * 100);
                    tShort0 = short0.rolled(c, i, tShort0);
                    tShadowShort0 = shadowShort0.rolled(c, i, tShadowShort0);
                }
                short0.total = tShort0;
                shadowShort0.total = tShadowShort0;
            }
        };
    }
}
