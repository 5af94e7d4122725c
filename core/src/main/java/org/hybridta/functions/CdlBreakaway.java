package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLBREAKAWAY: a long candle, a gap in its direction, two more candles extending it, then a fifth of the other colour closing inside the gap (±100, the fifth's colour). */
final class CdlBreakaway extends Pattern {
    CdlBreakaway() {
        super("cdlbreakaway", "Breakaway");
    }

    @Override int lookback(CandleSettings s) { return s.avgPeriod(BODY_LONG) + 4; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage long4 = average(BODY_LONG, 4);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tLong4 = long4.total;
                double[] o = c.open, h = c.high, l = c.low, cl = c.close;
                for (int i = from; i < end; i++) {
                    // the colours, coin tosses, in one branch (& evaluates both sides), before the averages
                    int signal = (c.color(i - 4) == c.color(i - 3) & c.color(i - 3) == c.color(i - 1) & c.color(i - 1) == -c.color(i))
                            && c.body(i - 4) > long4.at(c, i - 4, tLong4)
                            && (c.color(i - 4) == -1 && c.bodyGapDown(i - 3, i - 4)
                                    && h[i - 2] < h[i - 3] && l[i - 2] < l[i - 3]
                                    && h[i - 1] < h[i - 2] && l[i - 1] < l[i - 2]
                                    && cl[i] > o[i - 3] && cl[i] < cl[i - 4]
                                || c.color(i - 4) == 1 && c.bodyGapUp(i - 3, i - 4)
                                    && h[i - 2] > h[i - 3] && l[i - 2] > l[i - 3]
                                    && h[i - 1] > h[i - 2] && l[i - 1] > l[i - 2]
                                    && cl[i] < o[i - 3] && cl[i] > cl[i - 4]) ? c.color(i) * 100 : 0;
                    out[i - base] = signal;
                    tLong4 = long4.rolled(c, i, tLong4);
                }
                long4.total = tLong4;
            }
        };
    }
}
