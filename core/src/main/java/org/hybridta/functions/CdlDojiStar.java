package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_DOJI;
import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLDOJISTAR: a long candle, then a doji whose body gaps away in its direction (∓100, against the first's colour). */
final class CdlDojiStar extends Pattern {
    CdlDojiStar() {
        super("cdldojistar", "Doji Star");
    }

    @Override int lookback(CandleSettings s) { return Math.max(s.avgPeriod(BODY_DOJI), s.avgPeriod(BODY_LONG)) + 1; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage long1 = average(BODY_LONG, 1);
            final CandleAverage doji0 = average(BODY_DOJI, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tLong1 = long1.total, tDoji0 = doji0.total;
                for (int i = from; i < end; i++) {
                    int signal = (c.body(i - 1) > long1.at(c, i - 1, tLong1) & c.body(i) <= doji0.at(c, i, tDoji0))    // one branch
                            && (c.color(i - 1) == 1 && c.bodyGapUp(i, i - 1)
                                || c.color(i - 1) == -1 && c.bodyGapDown(i, i - 1)) ? -c.color(i - 1) * 100 : 0;
                    out[i - base] = signal;
                    tLong1 = long1.rolled(c, i, tLong1);
                    tDoji0 = doji0.rolled(c, i, tDoji0);
                }
                long1.total = tLong1;
                doji0.total = tDoji0;
            }
        };
    }
}
