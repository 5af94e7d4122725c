package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.BODY_SHORT;
import static org.hybridta.indicator.CandleSettings.Setting.NEAR;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_VERY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLSTALLEDPATTERN: two long rising white candles, then a small white one riding on the second's shoulder (-100). */
final class CdlStalledPattern extends Pattern {
    CdlStalledPattern() {
        super("cdlstalledpattern", "Stalled Pattern");
    }

    @Override int lookback(CandleSettings s) {
        return Math.max(Math.max(s.avgPeriod(BODY_LONG), s.avgPeriod(BODY_SHORT)),
                Math.max(s.avgPeriod(SHADOW_VERY_SHORT), s.avgPeriod(NEAR))) + 2;
    }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage long2 = average(BODY_LONG, 2);
            final CandleAverage long1 = average(BODY_LONG, 1);
            final CandleAverage short0 = average(BODY_SHORT, 0);
            final CandleAverage veryShort1 = average(SHADOW_VERY_SHORT, 1);
            final CandleAverage near2 = average(NEAR, 2);
            final CandleAverage near1 = average(NEAR, 1);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tLong2 = long2.total, tLong1 = long1.total, tShort0 = short0.total, tVeryShort1 = veryShort1.total, tNear2 = near2.total, tNear1 = near1.total;
                double[] o = c.open, cl = c.close;
                for (int i = from; i < end; i++) {
                    // the colours, coin tosses, in one branch (& evaluates both sides), before the averages
                    int signal = (c.color(i - 2) == 1 & c.color(i - 1) == 1 & c.color(i) == 1)
                            && cl[i] > cl[i - 1] && cl[i - 1] > cl[i - 2]
                            && c.body(i - 2) > long2.at(c, i - 2, tLong2)
                            && c.body(i - 1) > long1.at(c, i - 1, tLong1)
                            && c.upperShadow(i - 1) < veryShort1.at(c, i - 1, tVeryShort1)
                            && o[i - 1] > o[i - 2]
                            && o[i - 1] <= cl[i - 2] + near2.at(c, i - 2, tNear2)
                            && c.body(i) < short0.at(c, i, tShort0)
                            && o[i] >= cl[i - 1] - c.body(i) - near1.at(c, i - 1, tNear1) ? -100 : 0;
                    out[i - base] = signal;
                    tLong2 = long2.rolled(c, i, tLong2);
                    tLong1 = long1.rolled(c, i, tLong1);
                    tShort0 = short0.rolled(c, i, tShort0);
                    tVeryShort1 = veryShort1.rolled(c, i, tVeryShort1);
                    tNear2 = near2.rolled(c, i, tNear2);
                    tNear1 = near1.rolled(c, i, tNear1);
                }
                long2.total = tLong2;
                long1.total = tLong1;
                short0.total = tShort0;
                veryShort1.total = tVeryShort1;
                near2.total = tNear2;
                near1.total = tNear1;
            }
        };
    }
}
