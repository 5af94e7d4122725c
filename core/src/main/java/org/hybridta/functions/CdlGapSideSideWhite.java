package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.EQUAL;
import static org.hybridta.indicator.CandleSettings.Setting.NEAR;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLGAPSIDESIDEWHITE: two white candles of about the same body and open, both gapping up (+100) or down (-100) from the candle before. */
final class CdlGapSideSideWhite extends Pattern {
    CdlGapSideSideWhite() {
        super("cdlgapsidesidewhite", "Up/Down-gap side-by-side white lines");
    }

    @Override int lookback(CandleSettings s) { return Math.max(s.avgPeriod(NEAR), s.avgPeriod(EQUAL)) + 2; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage near1 = average(NEAR, 1);
            final CandleAverage equal1 = average(EQUAL, 1);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tNear1 = near1.total, tEqual1 = equal1.total;
                double[] o = c.open;
                for (int i = from; i < end; i++) {
                    // the gaps and the colours as masks, without a branch each (Candles.black, bodyGapUpMask), in one branch
                    int signal = (~(c.black(i - 1) | c.black(i))
                                  & (c.bodyGapUpMask(i - 1, i - 2) & c.bodyGapUpMask(i, i - 2) | c.bodyGapDownMask(i - 1, i - 2) & c.bodyGapDownMask(i, i - 2))) != 0
                            && c.body(i) >= c.body(i - 1) - near1.at(c, i - 1, tNear1)
                            && c.body(i) <= c.body(i - 1) + near1.at(c, i - 1, tNear1)
                            && o[i] >= o[i - 1] - equal1.at(c, i - 1, tEqual1)
                            && o[i] <= o[i - 1] + equal1.at(c, i - 1, tEqual1) ? (c.bodyGapUp(i - 1, i - 2) ? 100 : -100) : 0;
                    out[i - base] = signal;
                    tNear1 = near1.rolled(c, i, tNear1);
                    tEqual1 = equal1.rolled(c, i, tEqual1);
                }
                near1.total = tNear1;
                equal1.total = tEqual1;
            }
        };
    }
}
