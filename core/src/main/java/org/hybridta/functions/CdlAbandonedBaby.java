package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_DOJI;
import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.BODY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLABANDONEDBABY: a long candle, a doji gapping away from it (whole candles), a third gapping back and closing {@code penetration} deep into the first's body (±100, the third's colour). */
final class CdlAbandonedBaby extends Pattern {
    CdlAbandonedBaby() {
        super("cdlabandonedbaby", "Abandoned Baby", 0.3);
    }

    @Override int lookback(CandleSettings s) {
        return Math.max(Math.max(s.avgPeriod(BODY_DOJI), s.avgPeriod(BODY_LONG)), s.avgPeriod(BODY_SHORT)) + 2;
    }

    @Override Detector detector(CandleSettings s, Args a) {
        double penetration = a.real(0);
        return new Detector(s) {
            final CandleAverage long2 = average(BODY_LONG, 2);
            final CandleAverage doji1 = average(BODY_DOJI, 1);
            final CandleAverage short0 = average(BODY_SHORT, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tLong2 = long2.total, tDoji1 = doji1.total, tShort0 = short0.total;
                double[] cl = c.close;
                for (int i = from; i < end; i++) {
                    // TA-Lib's tests on prices alone first, in one branch (& and | evaluate every side): the two gaps are
                    // rare, so the averages are seldom reached; all are pure comparisons, so the order does not change the outcome
                    int signal = (c.color(i - 2) == 1 & c.color(i) == -1 & c.gapUp(i - 1, i - 2) & c.gapDown(i, i - 1)
                                  | c.color(i - 2) == -1 & c.color(i) == 1 & c.gapDown(i - 1, i - 2) & c.gapUp(i, i - 1))
                            && (c.color(i - 2) == 1 ? cl[i] < cl[i - 2] - c.body(i - 2) * penetration
                                                    : cl[i] > cl[i - 2] + c.body(i - 2) * penetration)
                            && c.body(i - 2) > long2.at(c, i - 2, tLong2)
                            && c.body(i - 1) <= doji1.at(c, i - 1, tDoji1)
                            && c.body(i) > short0.at(c, i, tShort0) ? c.color(i) * 100 : 0;
                    out[i - base] = signal;
                    tLong2 = long2.rolled(c, i, tLong2);
                    tDoji1 = doji1.rolled(c, i, tDoji1);
                    tShort0 = short0.rolled(c, i, tShort0);
                }
                long2.total = tLong2;
                doji1.total = tDoji1;
                short0.total = tShort0;
            }
        };
    }
}
