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
                    int signal = 0;
                    // one branch: & and | evaluate both sides (colours are coin tosses)
                    if (c.color(i) == 1 & c.color(i - 1) == -1
                            & (cl[i] >= o[i - 1] & o[i] < cl[i - 1] | cl[i] > o[i - 1] & o[i] <= cl[i - 1])
                            | c.color(i) == -1 & c.color(i - 1) == 1
                            & (o[i] >= cl[i - 1] & cl[i] < o[i - 1] | o[i] > cl[i - 1] & cl[i] <= o[i - 1])) {
                        signal = o[i] != cl[i - 1] && cl[i] != o[i - 1] ? c.color(i) * 100 : c.color(i) * 80;
                    }
                    out[i - base] = signal;
                }
            }
        };
    }
}
