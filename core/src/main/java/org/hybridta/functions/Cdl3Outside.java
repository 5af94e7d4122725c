package org.hybridta.functions;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDL3OUTSIDE: an engulfing pair followed by a candle closing further in the engulfing candle's direction (±100). */
final class Cdl3Outside extends Pattern {
    Cdl3Outside() {
        super("cdl3outside", "Three Outside Up/Down");
    }

    /** TA-Lib's lookback is 3 although the pattern reads only the 2 candles before the current one. */
    @Override int lookback(CandleSettings s) { return 3; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double[] o = c.open, cl = c.close;
                for (int i = from; i < end; i++) {
                    // TA-Lib's tests, coin tosses, in one branch: & and | evaluate every side (all are pure comparisons)
                    int signal = c.color(i - 1) == 1 & c.color(i - 2) == -1 & cl[i - 1] > o[i - 2] & o[i - 1] < cl[i - 2] & cl[i] > cl[i - 1]
                            | c.color(i - 1) == -1 & c.color(i - 2) == 1 & o[i - 1] > cl[i - 2] & cl[i - 1] < o[i - 2] & cl[i] < cl[i - 1]
                            ? c.color(i - 1) * 100 : 0;
                    out[i - base] = signal;
                }
            }
        };
    }
}
