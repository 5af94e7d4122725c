package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_DOJI;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLDOJI: a real body of at most the doji size (+100). */
final class CdlDoji extends Pattern {
    CdlDoji() {
        super("cdldoji", "Doji");
    }

    @Override int lookback(CandleSettings s) { return s.avgPeriod(BODY_DOJI); }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage doji0 = average(BODY_DOJI, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                CandleAverage doji0 = this.doji0;
                double tDoji0 = doji0.total;
                if (doji0.period != 0) {                     // TA-Lib's defaults: the average without at()'s choice
                    for (int i = from; i < end; i++) {
                        out[i - base] = c.bodyAtMost(i, doji0.ofTotal(tDoji0)) & 100;   // no branch: see absAtMost
                        tDoji0 = doji0.rolled(c, i, tDoji0);
                    }
                } else {
                    for (int i = from; i < end; i++) {
                        out[i - base] = c.bodyAtMost(i, doji0.at(c, i, tDoji0)) & 100;
                        tDoji0 = doji0.rolled(c, i, tDoji0);
                    }
                }
                doji0.total = tDoji0;
            }
        };
    }
}
