package org.hybridta.functions;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLKICKINGBYLENGTH: a {@link CdlKicking} signed by the colour of the longer marubozu. */
final class CdlKickingByLength extends Pattern {
    CdlKickingByLength() {
        super("cdlkickingbylength", "Kicking - bull/bear determined by the longer marubozu");
    }

    @Override int lookback(CandleSettings s) { return CdlKicking.lookbackOf(s); }

    @Override Detector detector(CandleSettings s, Args a) { return CdlKicking.detector(s, true); }
}
