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
                double tDoji0 = doji0.total;
                for (int i = from; i < end; i++) {
                    out[i - base] = c.bodyAtMost(i, doji0.at(c, i, tDoji0)) & 100;   // no branch: see absAtMost
                    tDoji0 = doji0.rolled(c, i, tDoji0);
                }
                doji0.total = tDoji0;
            }
        };
    }
}
