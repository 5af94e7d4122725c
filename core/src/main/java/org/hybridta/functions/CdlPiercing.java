package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLPIERCING: a long black candle, then a long white one opening below its low and closing above its body's midpoint (+100). */
final class CdlPiercing extends Pattern {
    CdlPiercing() {
        super("cdlpiercing", "Piercing Pattern");
    }

    @Override int lookback(CandleSettings s) { return s.avgPeriod(BODY_LONG) + 1; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage long1 = average(BODY_LONG, 1);
            final CandleAverage long0 = average(BODY_LONG, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tLong1 = long1.total, tLong0 = long0.total;
                double[] o = c.open, cl = c.close;
                for (int i = from; i < end; i++) {
                    // the colours, coin tosses, and the gap in one branch (& evaluates both sides), before the averages
                    int signal = (c.color(i - 1) == -1 & c.color(i) == 1 & o[i] < c.low[i - 1])
                            && c.body(i - 1) > long1.at(c, i - 1, tLong1)
                            && c.body(i) > long0.at(c, i, tLong0)
                            && cl[i] < o[i - 1]
                            && cl[i] > cl[i - 1] + c.body(i - 1) * 0.5 ? 100 : 0;
                    out[i - base] = signal;
                    tLong1 = long1.rolled(c, i, tLong1);
                    tLong0 = long0.rolled(c, i, tLong0);
                }
                long1.total = tLong1;
                long0.total = tLong0;
            }
        };
    }
}
