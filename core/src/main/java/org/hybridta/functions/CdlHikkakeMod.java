package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.NEAR;

import org.hybridta.indicator.CandleSettings;

/**
 * TA-Lib's CDLHIKKAKEMOD: a {@link CdlHikkake} after two nested inside bars whose first closes near its low (+100)
 * or high (-100); ±200 on the confirmation.
 */
final class CdlHikkakeMod extends Pattern {
    CdlHikkakeMod() {
        super("cdlhikkakemod", "Modified Hikkake Pattern");
    }

    @Override int lookback(CandleSettings s) { return Math.max(1, s.avgPeriod(NEAR)) + 5; }

    @Override int primingBars() { return 3; }

    @Override Detector detector(CandleSettings s, Args a) { return CdlHikkake.tracker(s, true); }
}
