package org.hybridta.functions;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLONNECK: a {@link CdlInNeck} whose white candle closes at the black one's low (-100). */
final class CdlOnNeck extends Pattern {
    CdlOnNeck() {
        super("cdlonneck", "On-Neck Pattern");
    }

    @Override int lookback(CandleSettings s) { return CdlInNeck.lookbackOf(s); }

    @Override Detector detector(CandleSettings s, Args a) { return CdlInNeck.neck(s, CdlInNeck.Neck.ON); }
}
