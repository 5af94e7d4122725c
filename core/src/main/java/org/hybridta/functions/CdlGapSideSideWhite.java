package org.hybridta.functions;

import static org.hybridta.functions.Candles.below;
import static org.hybridta.functions.Candles.max;
import static org.hybridta.functions.Candles.min;
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
                double[] o = c.open, cl = c.close;
                for (int i = from; i < end; i++) {
                    // both white, so each body's bottom is its open and its top its close: the gaps from candle i - 2
                    // compare those alone, and with the colours they are masks (Candles.black, below) in one branch
                    double top2 = max(o[i - 2], cl[i - 2]), bottom2 = min(o[i - 2], cl[i - 2]);
                    int signal = (~(c.black(i - 1) | c.black(i))
                                  & (below(top2, o[i - 1]) & below(top2, o[i]) | below(cl[i - 1], bottom2) & below(cl[i], bottom2))) != 0
                            && c.body(i) >= c.body(i - 1) - near1.at(c, i - 1, tNear1)
                            && c.body(i) <= c.body(i - 1) + near1.at(c, i - 1, tNear1)
                            && o[i] >= o[i - 1] - equal1.at(c, i - 1, tEqual1)
                            && o[i] <= o[i - 1] + equal1.at(c, i - 1, tEqual1) ? (o[i - 1] > top2 ? 100 : -100) : 0;
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
