package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.BODY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLHOMINGPIGEON: a long black candle, then a short black one inside its body (+100). */
final class CdlHomingPigeon extends Pattern {
    CdlHomingPigeon() {
        super("cdlhomingpigeon", "Homing Pigeon");
    }

    @Override int lookback(CandleSettings s) { return Math.max(s.avgPeriod(BODY_SHORT), s.avgPeriod(BODY_LONG)) + 1; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage long1 = average(BODY_LONG, 1);
            final CandleAverage short0 = average(BODY_SHORT, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tLong1 = long1.total, tShort0 = short0.total;
                for (int i = from; i < end; i++) {
                    // TA-Lib's tests on prices alone, coin tosses, in one branch (& evaluates every side), then those on
                    // the averages: all are pure comparisons, so the order does not change the outcome
                    int signal = ((c.black(i - 1) & c.black(i)) != 0 & c.open[i] < c.open[i - 1] & c.close[i] > c.close[i - 1])
                            && c.body(i - 1) > long1.at(c, i - 1, tLong1)
                            && c.body(i) <= short0.at(c, i, tShort0) ? 100 : 0;
                    out[i - base] = signal;
                    tLong1 = long1.rolled(c, i, tLong1);
                    tShort0 = short0.rolled(c, i, tShort0);
                }
                long1.total = tLong1;
                short0.total = tShort0;
            }
        };
    }
}
