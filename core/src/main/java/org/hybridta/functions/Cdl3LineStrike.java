package org.hybridta.functions;

import static org.hybridta.functions.Candles.below;
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
                // the colours and the closes' rises and falls slide from bar to bar: each is computed once, for bar i
                int b3 = c.black(from - 3), b2 = c.black(from - 2), b1 = c.black(from - 1);
                int rise2 = below(cl[from - 3], cl[from - 2]), rise1 = below(cl[from - 2], cl[from - 1]);
                int fall2 = below(cl[from - 2], cl[from - 3]), fall1 = below(cl[from - 1], cl[from - 2]);
                for (int i = from; i < end; i++) {
                    // TA-Lib's tests on prices alone, coin tosses, as masks without a branch (Candles.black, below) in one
                    // branch, then those on the averages: all are pure comparisons, so the order does not change the outcome
                    int b0 = c.black(i);
                    int up = ~(b3 | b2 | b1) & b0 & rise2 & rise1 & below(cl[i - 1], o[i]) & below(cl[i], o[i - 3]);
                    int down = b3 & b2 & b1 & ~b0 & fall2 & fall1 & below(o[i], cl[i - 1]) & below(o[i - 3], cl[i]);
                    int signal = (up | down) != 0
                            && o[i - 2] >= min(o[i - 3], cl[i - 3]) - near3.at(c, i - 3, tNear3)
                            && o[i - 2] <= max(o[i - 3], cl[i - 3]) + near3.at(c, i - 3, tNear3)
                            && o[i - 1] >= min(o[i - 2], cl[i - 2]) - near2.at(c, i - 2, tNear2)
                            && o[i - 1] <= max(o[i - 2], cl[i - 2]) + near2.at(c, i - 2, tNear2)
                            ? (up != 0 ? 100 : -100) : 0;
                    out[i - base] = signal;
                    tNear3 = near3.rolled(c, i, tNear3);
                    tNear2 = near2.rolled(c, i, tNear2);
                    b3 = b2;
                    b2 = b1;
                    b1 = b0;
                    rise2 = rise1;
                    rise1 = below(cl[i - 1], cl[i]);
                    fall2 = fall1;
                    fall1 = below(cl[i], cl[i - 1]);
                }
                near3.total = tNear3;
                near2.total = tNear2;
            }
        };
    }
}
