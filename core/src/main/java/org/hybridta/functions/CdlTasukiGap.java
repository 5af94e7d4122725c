package org.hybridta.functions;

import static org.hybridta.functions.Candles.below;
import static org.hybridta.indicator.CandleSettings.Setting.NEAR;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLTASUKIGAP: a gap, a candle in its direction, then one of about the same body of the other colour closing inside the gap (±100, the gap's direction). */
final class CdlTasukiGap extends Pattern {
    CdlTasukiGap() {
        super("cdltasukigap", "Tasuki Gap");
    }

    @Override int lookback(CandleSettings s) { return s.avgPeriod(NEAR) + 2; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage near1 = average(NEAR, 1);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tNear1 = near1.total;
                double[] o = c.open, cl = c.close;
                for (int i = from; i < end; i++) {
                    // TA-Lib's tests on prices, the colours and the gap, are a chain each way: rising, the third candle's
                    // close above the first's body top, below the second's open, below its own open, below the second's
                    // close (so the second is white, the third black, and the second's body above the first's), and the
                    // mirror falling; as masks without a branch (Candles.below), in one branch before the average. TA-Lib
                    // takes the first body's top (bottom) twice, in both orders of its macro's arguments: a NaN in either
                    // fails one test, as it makes Math.max (min) NaN
                    double top2 = Math.max(cl[i - 2], o[i - 2]), bottom2 = Math.min(cl[i - 2], o[i - 2]);
                    int up = below(top2, cl[i]) & below(cl[i], o[i - 1]) & below(o[i - 1], o[i]) & below(o[i], cl[i - 1]);
                    int down = below(cl[i - 1], o[i]) & below(o[i], o[i - 1]) & below(o[i - 1], cl[i]) & below(cl[i], bottom2);
                    int signal = (up | down) != 0 && Math.abs(c.body(i - 1) - c.body(i)) < near1.at(c, i - 1, tNear1) ? (up != 0 ? 100 : -100) : 0;
                    out[i - base] = signal;
                    tNear1 = near1.rolled(c, i, tNear1);
                }
                near1.total = tNear1;
            }
        };
    }
}
