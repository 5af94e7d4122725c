package org.hybridta.functions;

import static org.hybridta.functions.Candles.atMost;
import static org.hybridta.functions.Candles.below;
import static org.hybridta.functions.Candles.max;
import static org.hybridta.functions.Candles.min;
import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.BODY_SHORT;

import org.hybridta.indicator.CandleSettings;
import org.hybridta.indicator.CandleSettings.Setting;

/**
 * TA-Lib's CDLHARAMI: a long candle, then a short one whose body lies inside the first's (∓100, against the first's
 * colour; ∓80 when one end of the bodies is equal).
 */
final class CdlHarami extends Pattern {
    CdlHarami() {
        super("cdlharami", "Harami Pattern");
    }

    @Override int lookback(CandleSettings s) { return lookback(s, BODY_SHORT); }

    @Override Detector detector(CandleSettings s, Args a) { return harami(s, BODY_SHORT); }

    /** The harami's lookback, {@code second} being the second candle's setting (short, or doji for the cross). */
    static int lookback(CandleSettings s, Setting second) {
        return Math.max(s.avgPeriod(second), s.avgPeriod(BODY_LONG)) + 1;
    }

    /** A harami whose second candle is at most {@code second}. */
    static Detector harami(CandleSettings s, Setting second) {
        return new Detector(s) {
            final CandleAverage long1 = average(BODY_LONG, 1);
            final CandleAverage second0 = average(second, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tLong1 = long1.total, tSecond0 = second0.total;
                double[] o = c.open, cl = c.close;
                for (int i = from; i < end; i++) {
                    // every test as a mask and the signal by arithmetic, without a branch: the inside body is a coin
                    // toss on market data, the averages' tests after it too, and both averages cost TA-Lib a division
                    // a bar anyway. Inside or level (80) includes strictly inside (100); -color(i - 1) is -(1 | black)
                    double top = max(cl[i], o[i]), bottom = min(cl[i], o[i]), top1 = max(cl[i - 1], o[i - 1]), bottom1 = min(cl[i - 1], o[i - 1]);
                    int found = atMost(top, top1) & atMost(bottom1, bottom)
                            & below(long1.at(c, i - 1, tLong1), c.body(i - 1)) & c.bodyAtMost(i, second0.at(c, i, tSecond0));
                    int grade = 80 + (below(top, top1) & below(bottom1, bottom) & 20);
                    out[i - base] = found & -(1 | c.black(i - 1)) * grade;
                    tLong1 = long1.rolled(c, i, tLong1);
                    tSecond0 = second0.rolled(c, i, tSecond0);
                }
                long1.total = tLong1;
                second0.total = tSecond0;
            }
        };
    }
}
