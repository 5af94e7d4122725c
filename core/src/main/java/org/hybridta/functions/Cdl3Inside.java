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
                    // the tests as masks, as CDLHIGHWAVE's (the bodies and the coin-toss colours hold often); all are
                    // pure comparisons. The signal is -color(i - 2) * 100, from the colour mask
                    int black2 = c.black(i - 2), black0 = c.black(i);
                    int mask = Candles.below(long2.at(c, i - 2, tLong2), c.body(i - 2)) & Candles.atMost(c.body(i - 1), short1.at(c, i - 1, tShort1))
                            & Candles.below(max(cl[i - 1], o[i - 1]), max(cl[i - 2], o[i - 2]))
                            & Candles.below(min(cl[i - 2], o[i - 2]), min(cl[i - 1], o[i - 1]))
                            & (~black2 & black0 & Candles.below(cl[i], o[i - 2]) | black2 & ~black0 & Candles.below(o[i - 2], cl[i]));
                    out[i - base] = mask & ((-100 ^ black2) - black2);
                    tLong2 = long2.rolled(c, i, tLong2);
                    tShort1 = short1.rolled(c, i, tShort1);
                }
                long2.total = tLong2;
                short1.total = tShort1;
            }
        };
    }
}
