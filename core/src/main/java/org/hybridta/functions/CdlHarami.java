package org.hybridta.functions;

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
                    int signal = 0;
                    // TA-Lib's cases: the averages, then the body inside (100) or inside or level (80): the second case
                    // includes the first, so its test on prices alone goes first, with the averages after it in one branch
                    if ((max(cl[i], o[i]) <= max(cl[i - 1], o[i - 1]) & min(cl[i], o[i]) >= min(cl[i - 1], o[i - 1]))
                            && (c.body(i - 1) > long1.at(c, i - 1, tLong1) & c.body(i) <= second0.at(c, i, tSecond0))) {
                        signal = max(cl[i], o[i]) < max(cl[i - 1], o[i - 1]) && min(cl[i], o[i]) > min(cl[i - 1], o[i - 1])
                                ? -c.color(i - 1) * 100 : -c.color(i - 1) * 80;
                    }
                    out[i - base] = signal;
                    tLong1 = long1.rolled(c, i, tLong1);
                    tSecond0 = second0.rolled(c, i, tSecond0);
                }
                long1.total = tLong1;
                second0.total = tSecond0;
            }
        };
    }
}
