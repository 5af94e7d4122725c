package org.hybridta.functions;

import static org.hybridta.functions.Candles.max;
import static org.hybridta.functions.Candles.min;
import static org.hybridta.indicator.CandleSettings.Setting.BODY_DOJI;

import org.hybridta.indicator.CandleSettings;

/**
 * TA-Lib's CDLTRISTAR: three dojis, the middle one gapping up with the third not higher (-100) or gapping down with
 * the third not lower (+100). TA-Lib measures all three against the first doji's average.
 */
final class CdlTristar extends Pattern {
    CdlTristar() {
        super("cdltristar", "Tristar Pattern");
    }

    @Override int lookback(CandleSettings s) { return s.avgPeriod(BODY_DOJI) + 2; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage doji2 = average(BODY_DOJI, 2);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tDoji2 = doji2.total;
                double[] o = c.open, cl = c.close;
                for (int i = from; i < end; i++) {
                    int signal = 0;
                    // the three dojis as masks in one branch (Candles.absAtMost): each is one candle in eight, a branch
                    // of its own the predictor would lose on the rare outcome
                    double doji = doji2.at(c, i - 2, tDoji2);
                    if ((c.bodyAtMost(i - 2, doji) & c.bodyAtMost(i - 1, doji) & c.bodyAtMost(i, doji)) != 0) {
                        if (c.bodyGapUp(i - 1, i - 2) && max(o[i], cl[i]) < max(o[i - 1], cl[i - 1])) signal = -100;
                        if (c.bodyGapDown(i - 1, i - 2) && min(o[i], cl[i]) > min(o[i - 1], cl[i - 1])) signal = 100;
                    }
                    out[i - base] = signal;
                    tDoji2 = doji2.rolled(c, i, tDoji2);
                }
                doji2.total = tDoji2;
            }
        };
    }
}
