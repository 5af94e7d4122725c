package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.EQUAL;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLCOUNTERATTACK: two long candles of opposite colours with equal closes (±100, the second's colour). */
final class CdlCounterAttack extends Pattern {
    CdlCounterAttack() {
        super("cdlcounterattack", "Counterattack");
    }

    @Override int lookback(CandleSettings s) { return Math.max(s.avgPeriod(EQUAL), s.avgPeriod(BODY_LONG)) + 1; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage equal1 = average(EQUAL, 1);
            final CandleAverage long1 = average(BODY_LONG, 1);
            final CandleAverage long0 = average(BODY_LONG, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tEqual1 = equal1.total, tLong1 = long1.total, tLong0 = long0.total;
                double[] cl = c.close;
                for (int i = from; i < end; i++) {
                    int signal = c.color(i - 1) == -c.color(i)
                            && c.body(i - 1) > long1.at(c, i - 1, tLong1)
                            && c.body(i) > long0.at(c, i, tLong0)
                            && cl[i] <= cl[i - 1] + equal1.at(c, i - 1, tEqual1)
                            && cl[i] >= cl[i - 1] - equal1.at(c, i - 1, tEqual1) ? c.color(i) * 100 : 0;
                    out[i - base] = signal;
                    tEqual1 = equal1.rolled(c, i, tEqual1);
                    tLong1 = long1.rolled(c, i, tLong1);
                    tLong0 = long0.rolled(c, i, tLong0);
                }
                equal1.total = tEqual1;
                long1.total = tLong1;
                long0.total = tLong0;
            }
        };
    }
}
