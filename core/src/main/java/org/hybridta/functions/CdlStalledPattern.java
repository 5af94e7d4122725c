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

            @Override void scan(Candles c, int from, int end, double[] out) {
                double[] o = c.open, cl = c.close;
                for (int i = from; i < end; i++) {
                    int signal = c.color(i - 2) == 1 && c.color(i - 1) == 1 && c.color(i) == 1
                            && cl[i] > cl[i - 1] && cl[i - 1] > cl[i - 2]
                            && c.body(i - 2) > long2.at(c, i - 2)
                            && c.body(i - 1) > long1.at(c, i - 1)
                            && c.upperShadow(i - 1) < veryShort1.at(c, i - 1)
                            && o[i - 1] > o[i - 2]
                            && o[i - 1] <= cl[i - 2] + near2.at(c, i - 2)
                            && c.body(i) < short0.at(c, i)
                            && o[i] >= cl[i - 1] - c.body(i) - near1.at(c, i - 1) ? -100 : 0;
                    out[i] = signal;
                    long2.roll(c, i);
                    long1.roll(c, i);
                    short0.roll(c, i);
                    veryShort1.roll(c, i);
                    near2.roll(c, i);
                    near1.roll(c, i);
                }
            }
        };
    }
}
