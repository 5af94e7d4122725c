package org.hybridta.functions;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLSHOOTINGSTAR: the {@link CdlInvertedHammer}'s shape gapping up from the prior body (-100). */
final class CdlShootingStar extends Pattern {
    CdlShootingStar() {
        super("cdlshootingstar", "Shooting Star");
    }

    @Override int lookback(CandleSettings s) { return CdlInvertedHammer.lookbackOf(s); }

    @Override Detector detector(CandleSettings s, Args a) { return CdlInvertedHammer.detector(s, false); }
}
