package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.BODY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLUPSIDEGAP2CROWS: a long white candle, a short black one gapping up, a black one engulfing it but closing above the first (-100). */
final class CdlUpsideGap2Crows extends Pattern {
    CdlUpsideGap2Crows() {
        super("cdlupsidegap2crows", "Upside Gap Two Crows");
    }

    @Override int lookback(CandleSettings s) { return Math.max(s.avgPeriod(BODY_SHORT), s.avgPeriod(BODY_LONG)) + 2; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage long2 = average(BODY_LONG, 2);
            final CandleAverage short1 = average(BODY_SHORT, 1);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tLong2 = long2.total, tShort1 = short1.total;
                double[] o = c.open, cl = c.close;
                for (int i = from; i < end; i++) {
                    // the colours and the gap, coin tosses, in one branch (& evaluates both sides), before the averages
                    int signal = (c.color(i - 2) == 1 & c.color(i - 1) == -1 & c.color(i) == -1 & c.bodyGapUp(i - 1, i - 2))
                            && c.body(i - 2) > long2.at(c, i - 2, tLong2)
                            && c.body(i - 1) <= short1.at(c, i - 1, tShort1)
                            && o[i] > o[i - 1] && cl[i] < cl[i - 1]
                            && cl[i] > cl[i - 2] ? -100 : 0;
                    out[i - base] = signal;
                    tLong2 = long2.rolled(c, i, tLong2);
                    tShort1 = short1.rolled(c, i, tShort1);
                }
                long2.total = tLong2;
                short1.total = tShort1;
            }
        };
    }
}
