package org.hybridta.functions;

import static org.hybridta.functions.Candles.max;
import static org.hybridta.functions.Candles.min;
import static org.hybridta.indicator.CandleSettings.Setting.BODY_DOJI;
import static org.hybridta.indicator.CandleSettings.Setting.NEAR;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_LONG;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLRICKSHAWMAN: a doji with two long shadows and its body near the middle of its range (+100). */
final class CdlRickshawMan extends Pattern {
    CdlRickshawMan() {
        super("cdlrickshawman", "Rickshaw Man");
    }

    @Override int lookback(CandleSettings s) {
        return Math.max(Math.max(s.avgPeriod(BODY_DOJI), s.avgPeriod(SHADOW_LONG)), s.avgPeriod(NEAR));
    }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage doji0 = average(BODY_DOJI, 0);
            final CandleAverage shadowLong0 = average(SHADOW_LONG, 0);
            final CandleAverage near0 = average(NEAR, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tDoji0 = doji0.total, tShadowLong0 = shadowLong0.total, tNear0 = near0.total;
                double[] o = c.open, l = c.low, cl = c.close;
                for (int i = from; i < end; i++) {
                    int signal = c.body(i) <= doji0.at(c, i, tDoji0)
                            && c.lowerShadow(i) > shadowLong0.at(c, i, tShadowLong0)
                            && c.upperShadow(i) > shadowLong0.at(c, i, tShadowLong0)
                            && min(o[i], cl[i]) <= l[i] + c.highLow(i) / 2 + near0.at(c, i, tNear0)
                            && max(o[i], cl[i]) >= l[i] + c.highLow(i) / 2 - near0.at(c, i, tNear0) ? 100 : 0;
                    out[i - base] = signal;
                    tDoji0 = doji0.rolled(c, i, tDoji0);
                    tShadowLong0 = shadowLong0.rolled(c, i, tShadowLong0);
                    tNear0 = near0.rolled(c, i, tNear0);
                }
                doji0.total = tDoji0;
                shadowLong0.total = tShadowLong0;
                near0.total = tNear0;
            }
        };
    }
}
