package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_SHORT;
import static org.hybridta.indicator.CandleSettings.Setting.FAR;
import static org.hybridta.indicator.CandleSettings.Setting.NEAR;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_VERY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDL3WHITESOLDIERS: three rising white candles with very short upper shadows, each opening within or near the prior body, none far shorter than the prior, the last not short (+100). */
final class Cdl3WhiteSoldiers extends Pattern {
    Cdl3WhiteSoldiers() {
        super("cdl3whitesoldiers", "Three Advancing White Soldiers");
    }

    @Override int lookback(CandleSettings s) {
        return Math.max(Math.max(s.avgPeriod(SHADOW_VERY_SHORT), s.avgPeriod(BODY_SHORT)),
                Math.max(s.avgPeriod(FAR), s.avgPeriod(NEAR))) + 2;
    }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage veryShort2 = average(SHADOW_VERY_SHORT, 2);
            final CandleAverage veryShort1 = average(SHADOW_VERY_SHORT, 1);
            final CandleAverage veryShort0 = average(SHADOW_VERY_SHORT, 0);
            final CandleAverage near2 = average(NEAR, 2);
            final CandleAverage near1 = average(NEAR, 1);
            final CandleAverage far2 = average(FAR, 2);
            final CandleAverage far1 = average(FAR, 1);
            final CandleAverage short0 = average(BODY_SHORT, 0);

            @Override void scan(Candles c, int from, int end, double[] out) {
                double[] o = c.open, cl = c.close;
                for (int i = from; i < end; i++) {
                    int signal = c.color(i - 2) == 1 && c.upperShadow(i - 2) < veryShort2.at(c, i - 2)
                            && c.color(i - 1) == 1 && c.upperShadow(i - 1) < veryShort1.at(c, i - 1)
                            && c.color(i) == 1 && c.upperShadow(i) < veryShort0.at(c, i)
                            && cl[i] > cl[i - 1] && cl[i - 1] > cl[i - 2]
                            && o[i - 1] > o[i - 2]
                            && o[i - 1] <= cl[i - 2] + near2.at(c, i - 2)
                            && o[i] > o[i - 1]
                            && o[i] <= cl[i - 1] + near1.at(c, i - 1)
                            && c.body(i - 1) > c.body(i - 2) - far2.at(c, i - 2)
                            && c.body(i) > c.body(i - 1) - far1.at(c, i - 1)
                            && c.body(i) > short0.at(c, i) ? 100 : 0;
                    out[i] = signal;
                    veryShort2.roll(c, i);
                    veryShort1.roll(c, i);
                    veryShort0.roll(c, i);
                    near2.roll(c, i);
                    near1.roll(c, i);
                    far2.roll(c, i);
                    far1.roll(c, i);
                    short0.roll(c, i);
                }
            }
        };
    }
}
