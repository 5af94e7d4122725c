package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.EQUAL;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLSTICKSANDWICH: black, white trading above the first's close, black closing where the first closed (+100). */
final class CdlStickSandwich extends Pattern {
    CdlStickSandwich() {
        super("cdlsticksandwich", "Stick Sandwich");
    }

    @Override int lookback(CandleSettings s) { return s.avgPeriod(EQUAL) + 2; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage equal2 = average(EQUAL, 2);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tEqual2 = equal2.total;
                double[] cl = c.close;
                for (int i = from; i < end; i++) {
                    // TA-Lib's tests on prices alone, coin tosses, in one branch (& evaluates every side), then the averages
                    int signal = (c.color(i - 2) == -1 & c.color(i - 1) == 1 & c.color(i) == -1 & c.low[i - 1] > cl[i - 2])
                            && cl[i] <= cl[i - 2] + equal2.at(c, i - 2, tEqual2)
                            && cl[i] >= cl[i - 2] - equal2.at(c, i - 2, tEqual2) ? 100 : 0;
                    out[i - base] = signal;
                    tEqual2 = equal2.rolled(c, i, tEqual2);
                }
                equal2.total = tEqual2;
            }
        };
    }
}
