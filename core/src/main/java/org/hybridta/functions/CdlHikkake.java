package org.hybridta.functions;

import org.hybridta.indicator.CandleSettings;

/**
 * TA-Lib's CDLHIKKAKE: an inside bar, then a bar breaking out of it with a lower high and low (+100) or a higher
 * high and low (-100); +-200 on the bar that confirms it within 3 bars by closing beyond the inside bar's high (low).
 * TA-Lib tracks the pattern from 3 bars before the lookback, so the first values may be confirmations.
 */
final class CdlHikkake extends Pattern {
    CdlHikkake() {
        super("cdlhikkake", "Hikkake Pattern");
    }

    @Override int lookback(CandleSettings s) { return 5; }

    @Override int primingBars() { return 3; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Tracker(s) {
            @Override boolean setUp(Candles c, int i) {
                double[] h = c.high, l = c.low;
                return h[i - 1] < h[i - 2] && l[i - 1] > l[i - 2]
                        && (h[i] < h[i - 1] && l[i] < l[i - 1] || h[i] > h[i - 1] && l[i] > l[i - 1]);
            }
        };
    }

    /**
     * The hikkakes' state: the pending pattern's signal and the high and low of the bar before its last (the
     * confirmation levels), until a confirmation or 3 bars pass. TA-Lib keeps the pattern's index instead.
     */
    abstract static class Tracker extends Detector {
        private static final int NONE = Integer.MIN_VALUE / 2;
        private int bar, patternBar = NONE, signal;
        private double confirmHigh, confirmLow;

        Tracker(CandleSettings s) {
            super(s);
        }

        /** Whether bar {@code i} completes the set-up (its direction then follows from its high). */
        abstract boolean setUp(Candles c, int i);

        @Override final int at(Candles c, int i) {
            int n = bar++;
            if (setUp(c, i)) {
                signal = 100 * (c.high[i] < c.high[i - 1] ? 1 : -1);
                patternBar = n;
                confirmHigh = c.high[i - 1];
                confirmLow = c.low[i - 1];
                return signal;
            }
            if (n <= patternBar + 3 && (signal > 0 && c.close[i] > confirmHigh || signal < 0 && c.close[i] < confirmLow)) {
                patternBar = NONE;
                return signal + 100 * (signal > 0 ? 1 : -1);
            }
            return 0;
        }
    }
}
