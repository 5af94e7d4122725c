package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_VERY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLCLOSINGMARUBOZU: a long candle closing at its extreme (a very short shadow at the close) (±100); {@link CdlBeltHold} mirrored. */
final class CdlClosingMarubozu extends Pattern {
    CdlClosingMarubozu() {
        super("cdlclosingmarubozu", "Closing Marubozu");
    }

    @Override int lookback(CandleSettings s) { return Math.max(s.avgPeriod(BODY_LONG), s.avgPeriod(SHADOW_VERY_SHORT)); }

    @Override Detector detector(CandleSettings s, Args a) { return CdlBeltHold.detector(s, false); }
}
