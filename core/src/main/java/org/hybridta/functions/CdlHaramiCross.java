package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_DOJI;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLHARAMICROSS: a {@link CdlHarami} whose second candle is a doji. */
final class CdlHaramiCross extends Pattern {
    CdlHaramiCross() {
        super("cdlharamicross", "Harami Cross Pattern");
    }

    @Override int lookback(CandleSettings s) { return CdlHarami.lookback(s, BODY_DOJI); }

    @Override Detector detector(CandleSettings s, Args a) { return CdlHarami.harami(s, BODY_DOJI); }
}
