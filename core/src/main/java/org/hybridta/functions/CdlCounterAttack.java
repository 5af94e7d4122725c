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
                    // the tests as masks, as CDLHIGHWAVE's: the opposite colours are a coin toss, and the long bodies
                    // after them hold often, so as branches they mispredict; all are pure comparisons
                    int black = c.black(i);
                    double equal = equal1.at(c, i - 1, tEqual1);
                    int mask = (black ^ c.black(i - 1)) & Candles.below(long1.at(c, i - 1, tLong1), c.body(i - 1))
                            & Candles.below(long0.at(c, i, tLong0), c.body(i))
                            & Candles.atMost(cl[i], cl[i - 1] + equal) & Candles.atMost(cl[i - 1] - equal, cl[i]);
                    out[i - base] = mask & ((100 ^ black) - black);
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
