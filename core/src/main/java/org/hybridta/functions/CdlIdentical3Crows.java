package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.EQUAL;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_VERY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLIDENTICAL3CROWS: three declining black candles with very short lower shadows, each opening at the prior close (-100). */
final class CdlIdentical3Crows extends Pattern {
    CdlIdentical3Crows() {
        super("cdlidentical3crows", "Identical Three Crows");
    }

    @Override int lookback(CandleSettings s) { return Math.max(s.avgPeriod(SHADOW_VERY_SHORT), s.avgPeriod(EQUAL)) + 2; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage veryShort2 = average(SHADOW_VERY_SHORT, 2);
            final CandleAverage veryShort1 = average(SHADOW_VERY_SHORT, 1);
            final CandleAverage veryShort0 = average(SHADOW_VERY_SHORT, 0);
            final CandleAverage equal2 = average(EQUAL, 2);
            final CandleAverage equal1 = average(EQUAL, 1);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tVeryShort2 = veryShort2.total, tVeryShort1 = veryShort1.total, tVeryShort0 = veryShort0.total, tEqual2 = equal2.total, tEqual1 = equal1.total;
                double[] o = c.open, cl = c.close;
                for (int i = from; i < end; i++) {
                    // the colours, coin tosses, in one branch (& evaluates both sides), before the averages
                    int signal = (c.color(i - 2) == -1 & c.color(i - 1) == -1 & c.color(i) == -1)
                            && c.lowerShadow(i - 2) < veryShort2.at(c, i - 2, tVeryShort2)
                            && c.lowerShadow(i - 1) < veryShort1.at(c, i - 1, tVeryShort1)
                            && c.lowerShadow(i) < veryShort0.at(c, i, tVeryShort0)
                            && cl[i - 2] > cl[i - 1] && cl[i - 1] > cl[i]
                            && o[i - 1] <= cl[i - 2] + equal2.at(c, i - 2, tEqual2)
                            && o[i - 1] >= cl[i - 2] - equal2.at(c, i - 2, tEqual2)
                            && o[i] <= cl[i - 1] + equal1.at(c, i - 1, tEqual1)
                            && o[i] >= cl[i - 1] - equal1.at(c, i - 1, tEqual1) ? -100 : 0;
                    out[i - base] = signal;
                    tVeryShort2 = veryShort2.rolled(c, i, tVeryShort2);
                    tVeryShort1 = veryShort1.rolled(c, i, tVeryShort1);
                    tVeryShort0 = veryShort0.rolled(c, i, tVeryShort0);
                    tEqual2 = equal2.rolled(c, i, tEqual2);
                    tEqual1 = equal1.rolled(c, i, tEqual1);
                }
                veryShort2.total = tVeryShort2;
                veryShort1.total = tVeryShort1;
                veryShort0.total = tVeryShort0;
                equal2.total = tEqual2;
                equal1.total = tEqual1;
            }
        };
    }
}
