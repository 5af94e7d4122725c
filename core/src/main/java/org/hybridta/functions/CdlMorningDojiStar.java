package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_DOJI;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLMORNINGDOJISTAR: a {@link CdlMorningStar} whose middle candle is a doji (+100). */
final class CdlMorningDojiStar extends Pattern {
    CdlMorningDojiStar() {
        super("cdlmorningdojistar", "Morning Doji Star", 0.3);
    }

    @Override int lookback(CandleSettings s) { return CdlMorningStar.lookback(s, BODY_DOJI); }

    @Override Detector detector(CandleSettings s, Args a) { return CdlMorningStar.star(s, BODY_DOJI, 1, a.real(0)); }
}
