package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.SHADOW_VERY_SHORT;

import org.hybridta.indicator.CandleSettings;

/** TA-Lib's CDLLADDERBOTTOM: three declining black candles, a fourth black one with an upper shadow, then a white one opening above its open and closing above its high (+100). */
final class CdlLadderBottom extends Pattern {
    CdlLadderBottom() {
        super("cdlladderbottom", "Ladder Bottom");
    }

    @Override int lookback(CandleSettings s) { return s.avgPeriod(SHADOW_VERY_SHORT) + 4; }

    @Override Detector detector(CandleSettings s, Args a) {
        return new Detector(s) {
            final CandleAverage veryShort1 = average(SHADOW_VERY_SHORT, 1);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tVeryShort1 = veryShort1.total;
                double[] o = c.open, cl = c.close;
                // the colours slide from bar to bar, each computed once
                int b4 = c.black(from - 4), b3 = c.black(from - 3), b2 = c.black(from - 2), b1 = c.black(from - 1);
                for (int i = from; i < end; i++) {
                    int b0 = c.black(i);
                    // the colours, coin tosses, in one branch (& evaluates every side), then the other tests on prices
                    // alone, then the average: all are pure comparisons, so the order does not change the outcome
                    int signal = (b4 & b3 & b2 & b1 & ~b0) != 0
                            && o[i - 4] > o[i - 3] && o[i - 3] > o[i - 2]
                            && cl[i - 4] > cl[i - 3] && cl[i - 3] > cl[i - 2]
                            && o[i] > o[i - 1]
                            && cl[i] > c.high[i - 1]
                            && c.upperShadow(i - 1) > veryShort1.at(c, i - 1, tVeryShort1) ? 100 : 0;
                    out[i - base] = signal;
                    tVeryShort1 = veryShort1.rolled(c, i, tVeryShort1);
                    b4 = b3;
                    b3 = b2;
                    b2 = b1;
                    b1 = b0;
                }
                veryShort1.total = tVeryShort1;
            }
        };
    }
}
