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
                int color1 = c.color(from - 1);   // the scan starts at the lookback, at least 1
                for (int i = from; i < end; i++) {
                    int color = c.color(i), signal = 0;
                    if (color1 == -color) {
                        // TA-Lib's two TA_CANDLEAVERAGE(Equal, ..., i - 1) are one value: computed once
                        double equal = equal1.at(c, i - 1, tEqual1);
                        if (o[i] <= o[i - 1] + equal && o[i] >= o[i - 1] - equal && c.body(i) > long0.at(c, i, tLong0)
                                && (color == 1 ? c.lowerShadow(i) : c.upperShadow(i)) < veryShort0.at(c, i, tVeryShort0)) {
                            signal = color * 100;
                        }
                    }
                    color1 = color;
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
