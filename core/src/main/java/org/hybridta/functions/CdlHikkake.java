package org.hybridta.functions;

import static org.hybridta.functions.Candles.below;
import static org.hybridta.indicator.CandleSettings.Setting.NEAR;

import org.hybridta.indicator.CandleSettings;

/**
 * TA-Lib's CDLHIKKAKE: an inside bar, then a bar breaking out of it with a lower high and low (+100) or a higher
 * high and low (-100); ±200 on the bar that confirms it within 3 bars by closing beyond the inside bar's high (low).
 * TA-Lib tracks the pattern from 3 bars before the lookback, so the first values may be confirmations.
 */
final class CdlHikkake extends Pattern {
    CdlHikkake() {
        super("cdlhikkake", "Hikkake Pattern");
    }

    @Override int lookback(CandleSettings s) { return 5; }

    @Override int primingBars() { return 3; }

    @Override Detector detector(CandleSettings s, Args a) { return tracker(s, false); }

    /**
     * The hikkakes' loop ({@code modified}: CDLHIKKAKEMOD's set-up) with their state: the pending pattern's signal and
     * the high and low of the bar before its last (the confirmation levels), until a confirmation or 3 bars pass.
     * TA-Lib keeps the pattern's index instead.
     */
    static Detector tracker(CandleSettings s, boolean modified) {
        return new Detector(s) {
            static final long NONE = Long.MIN_VALUE / 2;
            final CandleAverage near2 = modified ? average(NEAR, 2) : null;
            long bar, patternBar = NONE;
            int pending;
            double confirmHigh, confirmLow;

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double[] h = c.high, l = c.low, cl = c.close;
                // the state in locals while the loop runs
                long n = bar, patternN = patternBar;
                int result = pending;
                double high = confirmHigh, low = confirmLow;
                double tNear2 = modified ? near2.total : 0;
                for (int i = from; i < end; i++, n++) {
                    // the plain hikkake's inside bar and breakout, and the modified one's two inside bars (as masks without
                    // a branch, Candles.below), coin tosses, in one branch (& and | evaluate both sides)
                    boolean setUp = modified
                            ? (below(h[i - 2], h[i - 3]) & below(l[i - 3], l[i - 2]) & below(h[i - 1], h[i - 2]) & below(l[i - 2], l[i - 1])) != 0
                                && ((h[i] < h[i - 1] & l[i] < l[i - 1]) && cl[i - 2] <= l[i - 2] + near2.at(c, i - 2, tNear2)
                                    || (h[i] > h[i - 1] & l[i] > l[i - 1]) && cl[i - 2] >= h[i - 2] - near2.at(c, i - 2, tNear2))
                            : h[i - 1] < h[i - 2] & l[i - 1] > l[i - 2]
                                & (h[i] < h[i - 1] & l[i] < l[i - 1] | h[i] > h[i - 1] & l[i] > l[i - 1]);
                    int signal = 0;
                    if (setUp) {
                        result = 100 * (h[i] < h[i - 1] ? 1 : -1);
                        patternN = n;
                        high = h[i - 1];
                        low = l[i - 1];
                        signal = result;
                    } else if (n <= patternN + 3 && (result > 0 && cl[i] > high || result < 0 && cl[i] < low)) {
                        patternN = NONE;
                        signal = result + 100 * (result > 0 ? 1 : -1);
                    }
                    out[i - base] = signal;
                    if (modified) tNear2 = near2.rolled(c, i, tNear2);
                }
                bar = n;
                patternBar = patternN;
                pending = result;
                confirmHigh = high;
                confirmLow = low;
                if (modified) near2.total = tNear2;
            }
        };
    }
}
