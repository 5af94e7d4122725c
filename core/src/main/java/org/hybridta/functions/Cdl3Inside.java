package org.hybridta.functions;

import static org.hybridta.functions.Candles.max;
import static org.hybridta.functions.Candles.min;
import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.BODY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDL3INSIDE: a long candle, a short one inside its body, a third of the opposite colour closing beyond the first's open (∓100). */
final class Cdl3Inside extends Pattern {
    Cdl3Inside() {
        super("cdl3inside", "Three Inside Up/Down");
    }

    @Override int lookback(CandleSettings s) { return Math.max(s.avgPeriod(BODY_SHORT), s.avgPeriod(BODY_LONG)) + 2; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage long2 = average(BODY_LONG, 2);
            final CandleAverage short1 = average(BODY_SHORT, 1);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tLong2 = long2.total, tShort1 = short1.total;
                double[] o = c.open, cl = c.close;
                for (int i = from; i < end; i++) {
                    // the bodies and the colours in one branch (& evaluates both sides); the colours again below
                    int signal = (c.body(i - 2) > long2.at(c, i - 2, tLong2) & c.body(i - 1) <= short1.at(c, i - 1, tShort1)
                                  & c.color(i - 2) == -c.color(i))
                            && max(cl[i - 1], o[i - 1]) < max(cl[i - 2], o[i - 2])
                            && min(cl[i - 1], o[i - 1]) > min(cl[i - 2], o[i - 2])
                            && (c.color(i - 2) == 1 && c.color(i) == -1 && cl[i] < o[i - 2]
                                || c.color(i - 2) == -1 && c.color(i) == 1 && cl[i] > o[i - 2]) ? -c.color(i - 2) * 100 : 0;
                    out[i - base] = signal;
                    tLong2 = long2.rolled(c, i, tLong2);
                    tShort1 = short1.rolled(c, i, tShort1);
                }
                long2.total = tLong2;
                short1.total = tShort1;
            }
        };
    }
}
