package org.hybridta.functions;

import static org.hybridta.functions.Candles.max;
import static org.hybridta.functions.Candles.min;
import static org.hybridta.indicator.CandleSettings.Setting.NEAR;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDL3LINESTRIKE: three candles of one colour, each opening within or near the prior body and closing further, then a fourth of the other colour erasing them (±100, the three's colour). */
final class Cdl3LineStrike extends Pattern {
    Cdl3LineStrike() {
        super("cdl3linestrike", "Three-Line Strike ");
    }

    @Override int lookback(CandleSettings s) { return s.avgPeriod(NEAR) + 3; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage near3 = average(NEAR, 3);
            final CandleAverage near2 = average(NEAR, 2);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tNear3 = near3.total, tNear2 = near2.total;
                double[] o = c.open, cl = c.close;
                for (int i = from; i < end; i++) {
                    // TA-Lib's tests on prices alone, coin tosses, in one branch (& and | evaluate every side), then those
                    // on the averages: all are pure comparisons, so the order does not change the outcome
                    int signal = (((c.black(i - 3) ^ c.black(i - 2)) | (c.black(i - 2) ^ c.black(i - 1)) | ~(c.black(i) ^ c.black(i - 1))) == 0
                                  & (c.color(i - 1) == 1 & cl[i - 1] > cl[i - 2] & cl[i - 2] > cl[i - 3] & o[i] > cl[i - 1] & cl[i] < o[i - 3]
                                     | c.color(i - 1) == -1 & cl[i - 1] < cl[i - 2] & cl[i - 2] < cl[i - 3] & o[i] < cl[i - 1] & cl[i] > o[i - 3]))
                            && o[i - 2] >= min(o[i - 3], cl[i - 3]) - near3.at(c, i - 3, tNear3)
                            && o[i - 2] <= max(o[i - 3], cl[i - 3]) + near3.at(c, i - 3, tNear3)
                            && o[i - 1] >= min(o[i - 2], cl[i - 2]) - near2.at(c, i - 2, tNear2)
                            && o[i - 1] <= max(o[i - 2], cl[i - 2]) + near2.at(c, i - 2, tNear2)
                            ? c.color(i - 1) * 100 : 0;
                    out[i - base] = signal;
                    tNear3 = near3.rolled(c, i, tNear3);
                    tNear2 = near2.rolled(c, i, tNear2);
                }
                near3.total = tNear3;
                near2.total = tNear2;
            }
        };
    }
}
