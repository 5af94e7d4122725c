package org.hybridta.functions;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLENGULFING: a candle whose body engulfs the prior one of the other colour (±100; ±80 when one end of the bodies is equal). */
final class CdlEngulfing extends Pattern {
    CdlEngulfing() {
        super("cdlengulfing", "Engulfing Pattern");
    }

    @Override int lookback(CandleSettings s) { return 2; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double[] o = c.open, cl = c.close;
                for (int i = from; i < end; i++) {
                    // without a branch on the outcome, as masks (an engulfing is common enough that one branch on the
                    // whole test mispredicts): the colours (a coin toss each) and both ways of engulfing; a value,
                    // 100 or 80 (a body's end equal to the other's), signed by the colour
                    int black = c.black(i), black1 = c.black(i - 1);
                    int up = ~black & black1 & (Candles.atMost(o[i - 1], cl[i]) & Candles.below(o[i], cl[i - 1])
                            | Candles.below(o[i - 1], cl[i]) & Candles.atMost(o[i], cl[i - 1]));
                    int down = black & ~black1 & (Candles.atMost(cl[i - 1], o[i]) & Candles.below(cl[i], o[i - 1])
                            | Candles.below(cl[i - 1], o[i]) & Candles.atMost(cl[i], o[i - 1]));
                    int value = o[i] != cl[i - 1] & cl[i] != o[i - 1] ? 100 : 80;
                    out[i - base] = (up | down) & ((value ^ black) - black);
                }
            }
        };
    }
}
