package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLSPINNINGTOP: a short body with both shadows longer than it (±100, its colour). */
final class CdlSpinningTop extends Pattern {
    CdlSpinningTop() {
        super("cdlspinningtop", "Spinning Top");
    }

    @Override int lookback(CandleSettings s) { return s.avgPeriod(BODY_SHORT); }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage short0 = average(BODY_SHORT, 0);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tShort0 = short0.total;
                for (int i = from; i < end; i++) {
                    // the tests as masks, as CDLHIGHWAVE's: a spinning top is common, so even one branch on the
                    // three together mispredicts
                    double body = c.body(i);
                    int mask = Candles.below(body, short0.at(c, i, tShort0)) & Candles.below(body, c.upperShadow(i))
                            & Candles.below(body, c.lowerShadow(i));
                    out[i - base] = mask & (c.color(i) * 100);
                    tShort0 = short0.rolled(c, i, tShort0);
                }
                short0.total = tShort0;
            }
        };
    }
}
