package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;

/**
 * TA-Lib's IMI: {@code 100 * up / (up + down)} over the last {@code timeperiod} bars, where {@code up} sums
 * {@code close - open} of the bars closing above their open and {@code down} sums {@code open - close} of the
 * others. TA-Lib divides without a zero test, so a window of bars with {@code close == open} gives NaN (0 / 0);
 * a NaN price makes the next {@code timeperiod} values NaN.
 */
final class Imi extends FunctionDef {
    Imi() {
        super(function("imi", Group.MOMENTUM_INDICATORS, "Intraday Momentum Index")
                .inputPrice(Field.OPEN, Field.CLOSE)
                .paramPeriod(14, 2)
                .output("real"));
    }

    @Override int lookback(Args a) { return a.integer(0) - 1; }

    /** The streaming IMI, also the batch kernel's loop body. */
    static final class State {
        private final WindowSum up, down;

        State(int period) {
            up = new WindowSum(period);
            down = new WindowSum(period);
        }

        /** Adds the bar with this open and close; returns the value of the window ending there (NaN until full). */
        double next(double open, double close) {
            boolean rising = close > open;
            boolean full = up.add(rising ? close - open : 0.0);
            down.add(rising ? 0.0 : open - close);        // a NaN bar's difference too, as TA-Lib adds it
            if (!full) return Double.NaN;
            double u = up.sum();
            return 100.0 * (u / (u + down.sum()));
        }
    }

    /**
     * The sum of the last {@code period} terms as TA-Lib sums each window afresh (in O(period)), kept running in O(1)
     * and summed afresh in TA-Lib's order whenever it falls below 1/1024 of its largest value since the last fresh
     * sum: a running sum's rounding errors are relative to the largest sum it has held, so this keeps them within
     * about {@code 1024 * eps} per operation of the current sum, and a window whose terms are all 0 sums to exactly
     * 0 (TA-Lib's 0 / 0, NaN, in IMI) instead of a residue. NaN terms are counted, not added: the sum is NaN while
     * the window holds one. The fresh sums cost O(period) each, rarely on prices (a fall by a factor 1024 as a
     * large term leaves the window); terms that shrink by such a factor at every bar would make every bar O(period).
     */
    private static final class WindowSum {
        private static final double REFRESH = 0x1p-10;
        private final double[] ring;
        private int pos, seen, nans;
        private double sum, peak;

        WindowSum(int period) {
            ring = new double[period];
        }

        /** Adds the next term, dropping the window's first when it is full; says whether it is full now. */
        boolean add(double x) {
            double old = ring[pos];
            ring[pos] = x;
            if (++pos == ring.length) pos = 0;
            if (seen == ring.length) {
                if (Double.isNaN(old)) nans--;
                else sum -= old;
            } else {
                seen++;
            }
            if (Double.isNaN(x)) nans++;
            else sum += x;
            double size = Math.abs(sum);
            if (size > peak) peak = size;
            else if (!(size >= peak * REFRESH)) refresh();        // NaN too: an infinite term has left (inf - inf)
            return seen == ring.length;
        }

        double sum() { return nans > 0 ? Double.NaN : sum; }

        /** The window's sum afresh, oldest term first, NaNs passed over. */
        private void refresh() {
            int n = ring.length, first = seen == n ? pos : 0;
            double fresh = 0.0;
            for (int k = 0; k < seen; k++) {
                double v = ring[first + k < n ? first + k : first + k - n];
                if (!Double.isNaN(v)) fresh += v;
            }
            sum = fresh;
            peak = Math.abs(fresh);
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
