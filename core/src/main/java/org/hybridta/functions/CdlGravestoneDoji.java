package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_DOJI;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_VERY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLGRAVESTONEDOJI: a doji with a very short lower shadow and an upper shadow that is not (+100); {@link CdlDragonflyDoji} mirrored. */
final class CdlGravestoneDoji extends Pattern {
    CdlGravestoneDoji() {
        super("cdlgravestonedoji", "Gravestone Doji");
    }

    @Override int lookback(CandleSettings s) { return Math.max(s.avgPeriod(BODY_DOJI), s.avgPeriod(SHADOW_VERY_SHORT)); }

    @Override Detector detector(CandleSettings s, Args a) { return CdlDragonflyDoji.detector(s, false); }
}
