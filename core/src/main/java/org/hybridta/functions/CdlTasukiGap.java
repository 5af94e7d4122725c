package org.hybridta.functions;

import static org.hybridta.functions.Candles.max;
import static org.hybridta.functions.Candles.min;
import static org.hybridta.indicator.CandleSettings.Setting.NEAR;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLTASUKIGAP: a gap, a candle in its direction, then one of about the same body of the other colour closing inside the gap (±100, the gap's direction). */
final class CdlTasukiGap extends Pattern {
    CdlTasukiGap() {
        super("cdltasukigap", "Tasuki Gap");
    }

    @Override int lookback(CandleSettings s) { return s.avgPeriod(NEAR) + 2; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage near1 = average(NEAR, 1);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tNear1 = near1.total;
                double[] o = c.open, cl = c.close;
                for (int i = from; i < end; i++) {
                    // the gap and the colours, coin tosses, in one branch: & evaluates both sides
                    int signal = (c.bodyGapUp(i - 1, i - 2) & c.color(i - 1) == 1 & c.color(i) == -1)
                            && o[i] < cl[i - 1] && o[i] > o[i - 1]
                            && cl[i] < o[i - 1]
                            && cl[i] > max(cl[i - 2], o[i - 2])
                            && Math.abs(c.body(i - 1) - c.body(i)) < near1.at(c, i - 1, tNear1)
                            || (c.bodyGapDown(i - 1, i - 2) & c.color(i - 1) == -1 & c.color(i) == 1)
                            && o[i] < o[i - 1] && o[i] > cl[i - 1]
                            && cl[i] > o[i - 1]
                            && cl[i] < min(cl[i - 2], o[i - 2])
                            && Math.abs(c.body(i - 1) - c.body(i)) < near1.at(c, i - 1, tNear1) ? c.color(i - 1) * 100 : 0;
                    out[i - base] = signal;
                    tNear1 = near1.rolled(c, i, tNear1);
                }
                near1.total = tNear1;
            }
        };
    }
}
