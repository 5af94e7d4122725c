package org.hybridta.functions;

import static org.hybridta.functions.Candles.max;
import static org.hybridta.functions.Candles.min;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLXSIDEGAP3METHODS: two candles of one colour with a gap between them, then one of the other colour closing the gap (±100, the first's colour). */
final class CdlXSideGap3Methods extends Pattern {
    CdlXSideGap3Methods() {
        super("cdlxsidegap3methods", "Upside/Downside Gap Three Methods");
    }

    @Override int lookback(CandleSettings s) { return 2; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double[] o = c.open, cl = c.close;
                for (int i = from; i < end; i++) {
                    int signal = c.color(i - 2) == c.color(i - 1)
                            && c.color(i - 1) == -c.color(i)
                            && o[i] < max(cl[i - 1], o[i - 1])
                            && o[i] > min(cl[i - 1], o[i - 1])
                            && cl[i] < max(cl[i - 2], o[i - 2])
                            && cl[i] > min(cl[i - 2], o[i - 2])
                            && (c.color(i - 2) == 1 && c.bodyGapUp(i - 1, i - 2)
                                || c.color(i - 2) == -1 && c.bodyGapDown(i - 1, i - 2)) ? c.color(i - 2) * 100 : 0;
                    out[i - base] = signal;
                }
            }
        };
    }
}
