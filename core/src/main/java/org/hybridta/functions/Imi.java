package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;

/**
 * TA-Lib's IMI: {@code 100 * up / (up + down)} over the last {@code timeperiod} bars, where {@code up} sums
 * {@code close - open} of the bars closing above their open and {@code down} sums {@code open - close} of the
 * others. TA-Lib divides without a zero test, so a window of bars with {@code close == open} gives NaN (0 / 0).
 */
final class Imi extends FunctionDef {
    Imi() {
        super(function("imi", Group.MOMENTUM_INDICATORS, "Intraday Momentum Index")
                .inputPrice(Field.OPEN, Field.CLOSE)
                .paramPeriod(14, 2)
                .output("real"));
    }

    @Override int lookback(Args a) { return a.integer(0) - 1; }

    /**
     * The window's sums, kept running (TA-Lib sums each window afresh, in O(period)). So that they stay TA-Lib's:
     * a sum with no non-zero term in the window is exactly 0 (a count of its non-zero terms), and a NaN is not
     * added but counted, the down sum being NaN while the window holds one (TA-Lib adds a NaN bar's difference
     * to it) and the sum of the others again once it has left.
     */
    static final class State {
        private final int period;
        private final double[] ups, downs;      // the window's terms, a ring
        private int pos, seen, upCount, downCount, nanCount;
        private double up, down;

        State(int period) {
            this.period = period;
            this.ups = new double[period];
            this.downs = new double[period];
        }

        /** Adds the bar with this open and close; returns the value of the window ending there (NaN until full). */
        double next(double open, double close) {
            int slot = pos;
            if (++pos == period) pos = 0;
            if (seen == period) remove(slot);
            else seen++;
            double u = 0.0, d = 0.0;
            if (close > open) u = close - open;
            else d = open - close;
            ups[slot] = u;
            downs[slot] = d;
            if (u != 0.0) {
                upCount++;
                up += u;
            }
            if (Double.isNaN(d)) {
                nanCount++;
            } else if (d != 0.0) {
                downCount++;
                down += d;
            }
            if (seen < period) return Double.NaN;
            double dn = nanCount > 0 ? Double.NaN : down;
            return 100.0 * (up / (up + dn));
        }

        private void remove(int slot) {
            double u = ups[slot], d = downs[slot];
            if (u != 0.0) up = --upCount == 0 ? 0.0 : up - u;
            if (Double.isNaN(d)) nanCount--;
            else if (d != 0.0) down = --downCount == 0 ? 0.0 : down - d;
        }
    }

    @Override Step step(Args a) {
        State s = new State(a.integer(0));
        return (in, out) -> out[0] = s.next(in[0], in[1]);
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        State s = new State(a.integer(0));
        double[] open = in[0], close = in[1], o = out[0];
        for (int i = off, end = off + len; i < end; i++) o[i] = s.next(open[i], close[i]);
    }
}
