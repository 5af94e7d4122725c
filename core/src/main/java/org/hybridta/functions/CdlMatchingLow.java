package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.EQUAL;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLMATCHINGLOW: two black candles with equal closes (+100). */
final class CdlMatchingLow extends Pattern {
    CdlMatchingLow() {
        super("cdlmatchinglow", "Matching Low");
    }

    @Override int lookback(CandleSettings s) { return s.avgPeriod(EQUAL) + 1; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage equal1 = average(EQUAL, 1);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tEqual1 = equal1.total;
                double[] cl = c.close;
                for (int i = from; i < end; i++) {
                    int signal = (c.black(i - 1) & c.black(i)) != 0        // the colours, coin tosses, in one branch
                            && cl[i] <= cl[i - 1] + equal1.at(c, i - 1, tEqual1)
                            && cl[i] >= cl[i - 1] - equal1.at(c, i - 1, tEqual1) ? 100 : 0;
                    out[i - base] = signal;
                    tEqual1 = equal1.rolled(c, i, tEqual1);
                }
                equal1.total = tEqual1;
            }
        };
    }
}
