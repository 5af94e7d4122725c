package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.BODY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLUNIQUE3RIVER: a long black candle, a black harami with a lower low, then a short white candle opening above that low (+100). */
final class CdlUnique3River extends Pattern {
    CdlUnique3River() {
        super("cdlunique3river", "Unique 3 River");
    }

    @Override int lookback(CandleSettings s) { return Math.max(s.avgPeriod(BODY_SHORT), s.avgPeriod(BODY_LONG)) + 2; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage long2 = average(BODY_LONG, 2);
            final CandleAverage short0 = average(BODY_SHORT, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tLong2 = long2.total, tShort0 = short0.total;
                double[] o = c.open, l = c.low, cl = c.close;
                for (int i = from; i < end; i++) {
                    // the colours, coin tosses, in one branch (& evaluates both sides), before the averages
                    int signal = (c.color(i - 2) == -1 & c.color(i - 1) == -1 & c.color(i) == 1)
                            && c.body(i - 2) > long2.at(c, i - 2, tLong2)
                            && cl[i - 1] > cl[i - 2] && o[i - 1] <= o[i - 2]
                            && l[i - 1] < l[i - 2]
                            && c.body(i) < short0.at(c, i, tShort0)
                            && o[i] > l[i - 1] ? 100 : 0;
                    out[i - base] = signal;
                    tLong2 = long2.rolled(c, i, tLong2);
                    tShort0 = short0.rolled(c, i, tShort0);
                }
                long2.total = tLong2;
                short0.total = tShort0;
            }
        };
    }
}
