package org.hybridta.functions;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLHANGINGMAN: the {@link CdlHammer}'s shape near the prior candle's high (-100). */
final class CdlHangingMan extends Pattern {
    CdlHangingMan() {
        super("cdlhangingman", "Hanging Man");
    }

    @Override int lookback(CandleSettings s) { return CdlHammer.lookbackOf(s); }

    @Override Detector detector(CandleSettings s, Args a) { return CdlHammer.detector(s, false); }
}
