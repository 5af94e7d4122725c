package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLEVENINGSTAR: a {@link CdlMorningStar} mirrored, after a long white candle (-100). */
final class CdlEveningStar extends Pattern {
    CdlEveningStar() {
        super("cdleveningstar", "Evening Star", 0.3);
    }

    @Override int lookback(CandleSettings s) { return CdlMorningStar.lookback(s, BODY_SHORT); }

    @Override Detector detector(CandleSettings s, Args a) { return CdlMorningStar.star(s, BODY_SHORT, -1, a.real(0)); }
}
