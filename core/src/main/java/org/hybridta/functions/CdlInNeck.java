package org.hybridta.functions;

import static org.hybridta.indicator.CandleSettings.Setting.BODY_LONG;
import static org.hybridta.indicator.CandleSettings.Setting.EQUAL;

import org.hybridta.indicator.CandleSettings;

/**
 * TA-Lib's CDLINNECK: a long black candle, then a white one opening below its low and closing at or just above its
 * close (-100). The home of the three "neck" patterns, which differ only in where the white candle closes.
 */
final class CdlInNeck extends Pattern {
    /** Where the second candle closes: at or just above the first's close, at its low, or into its body's lower half. */
    enum Neck { IN, ON, THRUSTING }

    CdlInNeck() {
        super("cdlinneck", "In-Neck Pattern");
    }

    @Override int lookback(CandleSettings s) { return lookbackOf(s); }

    @Override Detector detector(CandleSettings s, Args a) { return neck(s, Neck.IN); }

    /** The lookback of the three neck patterns. */
    static int lookbackOf(CandleSettings s) { return Math.max(s.avgPeriod(EQUAL), s.avgPeriod(BODY_LONG)) + 1; }

    /** A long black candle, then a white one opening below its low and closing as {@code neck} says (-100). */
    static Detector neck(CandleSettings s, Neck neck) {
        return new Detector(s) {
            final CandleAverage equal1 = average(EQUAL, 1);
            final CandleAverage long1 = average(BODY_LONG, 1);

            @Override void scan(Candles c, int from, int end, int[] out, int base) {
                double tEqual1 = equal1.total, tLong1 = long1.total;
                double[] l = c.low, cl = c.close;
                boolean in = neck == Neck.IN, on = neck == Neck.ON;   // tested in the loop as booleans: a switch there costs a table load a bar
                for (int i = from; i < end; i++) {
                    // the colours, coin tosses, and the gap in one branch (& evaluates both sides), before the average
                    int signal = (c.color(i - 1) == -1 & c.color(i) == 1 & c.open[i] < l[i - 1])
                            && c.body(i - 1) > long1.at(c, i - 1, tLong1)
                            && (in ? cl[i] <= cl[i - 1] + equal1.at(c, i - 1, tEqual1) && cl[i] >= cl[i - 1]
                                : on ? cl[i] <= l[i - 1] + equal1.at(c, i - 1, tEqual1) && cl[i] >= l[i - 1] - equal1.at(c, i - 1, tEqual1)
                                : cl[i] > cl[i - 1] + equal1.at(c, i - 1, tEqual1) && cl[i] <= cl[i - 1] + c.body(i - 1) * 0.5) ? -100 : 0;
                    out[i - base] = signal;
                    tEqual1 = equal1.rolled(c, i, tEqual1);
                    tLong1 = long1.rolled(c, i, tLong1);
                }
                equal1.total = tEqual1;
                long1.total = tLong1;
            }
        };
    }
}
