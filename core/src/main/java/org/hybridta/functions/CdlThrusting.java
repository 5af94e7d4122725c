package org.hybridta.functions;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLTHRUSTING: a {@link CdlInNeck} whose white candle closes into the black one's body, under its midpoint (-100). */
final class CdlThrusting extends Pattern {
    CdlThrusting() {
        super("cdlthrusting", "Thrusting Pattern");
    }

    @Override int lookback(CandleSettings s) { return CdlInNeck.lookbackOf(s); }

    @Override Detector detector(CandleSettings s, Args a) { return CdlInNeck.neck(s, CdlInNeck.Neck.THRUSTING); }
}
