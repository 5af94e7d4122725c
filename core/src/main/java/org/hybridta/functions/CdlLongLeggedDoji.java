package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_DOJI;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_LONG;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLLONGLEGGEDDOJI: a doji with a long upper or lower shadow (+100). */
final class CdlLongLeggedDoji extends Pattern {
    CdlLongLeggedDoji() {
        super("cdllongleggeddoji", "Long Legged Doji");
    }

    @Override int lookback(CandleSettings s) { return Math.max(s.avgPeriod(BODY_DOJI), s.avgPeriod(SHADOW_LONG)); }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage doji0 = average(BODY_DOJI, 0);
            final CandleAverage shadowLong0 = average(SHADOW_LONG, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tDoji0 = doji0.total, tShadowLong0 = shadowLong0.total;
                for (int i = from; i < end; i++) {
                    int signal = c.body(i) <= doji0.at(c, i, tDoji0)
                            && (c.lowerShadow(i) > shadowLong0.at(c, i, tShadowLong0) || c.upperShadow(i) > shadowLong0.at(c, i, tShadowLong0)) ? 100 : 0;
                    out[i - base] = signal;
                    tDoji0 = doji0.rolled(c, i, tDoji0);
                    tShadowLong0 = shadowLong0.rolled(c, i, tShadowLong0);
                }
                doji0.total = tDoji0;
                shadowLong0.total = tShadowLong0;
            }
        };
    }
}
