package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.EQUAL;
import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_VERY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLSEPARATINGLINES: two candles of opposite colours with the same open, the second a long belt-hold (±100, its colour). */
final class CdlSeparatingLines extends Pattern {
    CdlSeparatingLines() {
        super("cdlseparatinglines", "Separating Lines");
    }

    @Override int lookback(CandleSettings s) {
        return Math.max(Math.max(s.avgPeriod(SHADOW_VERY_SHORT), s.avgPeriod(BODY_LONG)), s.avgPeriod(EQUAL)) + 1;
    }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage veryShort0 = average(SHADOW_VERY_SHORT, 0);
            final CandleAverage long0 = average(BODY_LONG, 0);
            final CandleAverage equal1 = average(EQUAL, 1);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tVeryShort0 = veryShort0.total, tLong0 = long0.total, tEqual1 = equal1.total;
                double[] o = c.open;
                for (int i = from; i < end; i++) {
                    int signal = c.color(i - 1) == -c.color(i)
                            && o[i] <= o[i - 1] + equal1.at(c, i - 1, tEqual1)
                            && o[i] >= o[i - 1] - equal1.at(c, i - 1, tEqual1)
                            && c.body(i) > long0.at(c, i, tLong0)
                            && (c.color(i) == 1 && c.lowerShadow(i) < veryShort0.at(c, i, tVeryShort0)
                                || c.color(i) == -1 && c.upperShadow(i) < veryShort0.at(c, i, tVeryShort0)) ? c.color(i) * 100 : 0;
                    out[i - base] = signal;
                    tVeryShort0 = veryShort0.rolled(c, i, tVeryShort0);
                    tLong0 = long0.rolled(c, i, tLong0);
                    tEqual1 = equal1.rolled(c, i, tEqual1);
                }
                veryShort0.total = tVeryShort0;
                long0.total = tLong0;
                equal1.total = tEqual1;
            }
        };
    }
}
