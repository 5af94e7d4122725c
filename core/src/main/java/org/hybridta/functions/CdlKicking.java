package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_VERY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLKICKING: two marubozu of opposite colours with a gap between them (±100, the second's colour). */
final class CdlKicking extends Pattern {
    CdlKicking() {
        super("cdlkicking", "Kicking");
    }

    @Override int lookback(CandleSettings s) { return lookbackOf(s); }

    @Override Detector detector(CandleSettings s, Args a) { return detector(s, false); }

    /** The lookback of both kickings. */
    static int lookbackOf(CandleSettings s) { return Math.max(s.avgPeriod(SHADOW_VERY_SHORT), s.avgPeriod(BODY_LONG)) + 1; }

    /** The kicking, signed by the second marubozu's colour, or {@code byLength} by the longer one's. */
    static Detector detector(CandleSettings s, boolean byLength) {
        return new Detector(s) {
            final CandleAverage veryShort1 = average(SHADOW_VERY_SHORT, 1);
            final CandleAverage veryShort0 = average(SHADOW_VERY_SHORT, 0);
            final CandleAverage long1 = average(BODY_LONG, 1);
            final CandleAverage long0 = average(BODY_LONG, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tVeryShort1 = veryShort1.total, tVeryShort0 = veryShort0.total, tLong1 = long1.total, tLong0 = long0.total;
                for (int i = from; i < end; i++) {
                    // TA-Lib's tests on prices alone first, in one branch (& and | evaluate every side): the gap is rare,
                    // so the averages are seldom reached; all are pure comparisons, so the order does not change the outcome
                    int signal = ((c.black(i - 1) ^ c.black(i)) != 0
                                  & (c.color(i - 1) == -1 & c.gapUp(i, i - 1) | c.color(i - 1) == 1 & c.gapDown(i, i - 1)))
                            && c.body(i - 1) > long1.at(c, i - 1, tLong1)
                            && c.upperShadow(i - 1) < veryShort1.at(c, i - 1, tVeryShort1)
                            && c.lowerShadow(i - 1) < veryShort1.at(c, i - 1, tVeryShort1)
                            && c.body(i) > long0.at(c, i, tLong0)
                            && c.upperShadow(i) < veryShort0.at(c, i, tVeryShort0)
                            && c.lowerShadow(i) < veryShort0.at(c, i, tVeryShort0)
                            ? c.color(byLength && !(c.body(i) > c.body(i - 1)) ? i - 1 : i) * 100 : 0;
                    out[i - base] = signal;
                    tVeryShort1 = veryShort1.rolled(c, i, tVeryShort1);
                    tVeryShort0 = veryShort0.rolled(c, i, tVeryShort0);
                    tLong1 = long1.rolled(c, i, tLong1);
                    tLong0 = long0.rolled(c, i, tLong0);
                }
                veryShort1.total = tVeryShort1;
                veryShort0.total = tVeryShort0;
                long1.total = tLong1;
                long0.total = tLong0;
            }
        };
    }
}
