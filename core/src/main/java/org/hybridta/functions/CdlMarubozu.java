package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_VERY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLMARUBOZU: a long body with very short shadows (±100, its colour); {@link CdlLongLine} with stricter shadows. */
final class CdlMarubozu extends Pattern {
    CdlMarubozu() {
        super("cdlmarubozu", "Marubozu");
    }

    @Override int lookback(CandleSettings s) { return CdlLongLine.lookback(s, SHADOW_VERY_SHORT); }

    @Override Detector detector(CandleSettings s, Args a) { return CdlLongLine.longBody(s, SHADOW_VERY_SHORT); }
}
