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
                for (int i = from; i < end; i++) {
                    // TA-Lib's tests, the colours and the gap included, are a chain each way: up, the first candle's open
                    // below the third's close, below the first's close, below the second's open, below the third's open,
                    // below the second's close (two white candles, the second's body above the first's, a black third),
                    // and the mirror down; as masks without a branch (Candles.below), the colours being coin tosses
                    int up = below(o[i - 2], cl[i]) & below(cl[i], cl[i - 2]) & below(cl[i - 2], o[i - 1]) & below(o[i - 1], o[i]) & below(o[i], cl[i - 1]);
                    int down = below(cl[i - 1], o[i]) & below(o[i], o[i - 1]) & below(o[i - 1], cl[i - 2]) & below(cl[i - 2], cl[i]) & below(cl[i], o[i - 2]);
                    out[i - base] = up & 100 | down & -100;
                }
            }
        };
    }
}
