package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.NEAR;

import org.hybridta.indicator.CandleSettings;

/**
 * TA-Lib's CDLHIKKAKEMOD: a {@link CdlHikkake} after two nested inside bars whose first closes near its low (+100)
 * or high (-100); +-200 on the confirmation.
 */
final class CdlHikkakeMod extends Pattern {
    CdlHikkakeMod() {
        super("cdlhikkakemod", "Modified Hikkake Pattern");
    }

    @Override int lookback(CandleSettings s) { return Math.max(1, s.avgPeriod(NEAR)) + 5; }

    @Override int primingBars() { return 3; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new CdlHikkake.Tracker(s) {
            final CandleAverage near2 = average(NEAR, 2);

            @Override boolean setUp(Candles c, int i) {
                double[] h = c.high, l = c.low, cl = c.close;
                return h[i - 2] < h[i - 3] && l[i - 2] > l[i - 3]
                        && h[i - 1] < h[i - 2] && l[i - 1] > l[i - 2]
                        && (h[i] < h[i - 1] && l[i] < l[i - 1] && cl[i - 2] <= l[i - 2] + near2.at(c, i - 2)
                            || h[i] > h[i - 1] && l[i] > l[i - 1] && cl[i - 2] >= h[i - 2] - near2.at(c, i - 2));
            }
        };
    }
}
