package org.hybridta.functions;

import static org.hybridta.functions.Candles.below;

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
                // two tests recur a bar later for the other way, and slide: down's close[i - 1] < open at bar i is up's
                // close[i - 2] < open[i - 1] at bar i + 1, and up's open < close[i - 1] is down's open[i - 1] < close[i - 2]
                int upGap = below(cl[from - 2], o[from - 1]), downGap = below(o[from - 1], cl[from - 2]);
                for (int i = from; i < end; i++) {
                    // TA-Lib's tests, the colours and the gap included, are a chain each way: up, the first candle's open
                    // below the third's close, below the first's close, below the second's open, below the third's open,
                    // below the second's close (two white candles, the second's body above the first's, a black third),
                    // and the mirror down; as masks without a branch (Candles.below), the colours being coin tosses
                    int nextUpGap = below(cl[i - 1], o[i]), nextDownGap = below(o[i], cl[i - 1]);
                    int up = below(o[i - 2], cl[i]) & below(cl[i], cl[i - 2]) & upGap & below(o[i - 1], o[i]) & nextDownGap;
                    int down = nextUpGap & below(o[i], o[i - 1]) & downGap & below(cl[i - 2], cl[i]) & below(cl[i], o[i - 2]);
                    upGap = nextUpGap;
                    downGap = nextDownGap;
                    out[i - base] = up & 100 | down & -100;
                }
            }
        };
    }
}
