package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.BODY_SHORT;

import org.hybridta.indicator.CandleSettings;
import org.hybridta.indicator.CandleSettings.Setting;

/**
 * TA-Lib's CDLMORNINGSTAR: a long black candle, a short one whose body gaps down, a white one that is not short
 * closing {@code penetration} deep into the first's body (+100). The home of the four stars (morning and evening,
 * plain and doji): mirror images that differ in the middle candle's setting.
 */
final class CdlMorningStar extends Pattern {
    CdlMorningStar() {
        super("cdlmorningstar", "Morning Star", 0.3);
    }

    @Override int lookback(CandleSettings s) { return lookback(s, BODY_SHORT); }

    @Override Detector detector(CandleSettings s, Args a) { return star(s, BODY_SHORT, 1, a.real(0)); }

    /** The stars' lookback, {@code middle} being the middle candle's setting. */
    static int lookback(CandleSettings s, Setting middle) {
        return Math.max(Math.max(s.avgPeriod(middle), s.avgPeriod(BODY_LONG)), s.avgPeriod(BODY_SHORT)) + 2;
    }

    /** A morning ({@code direction} 1) or evening (-1) star whose middle candle is at most {@code middle} (short or doji). */
    static Detector star(CandleSettings s, Setting middle, int direction, double penetration) {
        return new Detector(s) {
            final CandleAverage long2 = average(BODY_LONG, 2);
            final CandleAverage middle1 = average(middle, 1);
            final CandleAverage short0 = average(BODY_SHORT, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tLong2 = long2.total, tMiddle1 = middle1.total, tShort0 = short0.total;
                double[] cl = c.close;
                int morning = direction > 0 ? -1 : 0;
                for (int i = from; i < end; i++) {
                    // the colours and the gap, coin tosses, as masks in one branch (Candles.black, bodyGapDownMask),
                    // before the averages: the first candle black for a morning star (white for an evening one), the last
                    // of the other colour
                    int signal = (~(c.black(i - 2) ^ morning) & (c.black(i) ^ morning)
                                  & (morning != 0 ? c.bodyGapDownMask(i - 1, i - 2) : c.bodyGapUpMask(i - 1, i - 2))) != 0
                            && c.body(i - 2) > long2.at(c, i - 2, tLong2)
                            && c.body(i - 1) <= middle1.at(c, i - 1, tMiddle1)
                            && c.body(i) > short0.at(c, i, tShort0)
                            && (direction > 0 ? cl[i] > cl[i - 2] + c.body(i - 2) * penetration
                                              : cl[i] < cl[i - 2] - c.body(i - 2) * penetration) ? 100 * direction : 0;
                    out[i - base] = signal;
                    tLong2 = long2.rolled(c, i, tLong2);
                    tMiddle1 = middle1.rolled(c, i, tMiddle1);
                    tShort0 = short0.rolled(c, i, tShort0);
                }
                long2.total = tLong2;
                middle1.total = tMiddle1;
                short0.total = tShort0;
            }
        };
    }
}
