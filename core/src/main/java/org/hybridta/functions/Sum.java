package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/**
 * TA-Lib's SUM: the sum of the last {@code timeperiod} values, kept as TA-Lib keeps it (add the newest, keep
 * the total, subtract the oldest), so its rounding residues are TA-Lib's. {@link Running} and {@link #sums} are
 * that running total for any function that needs it (SMA's is the same total before its division).
 */
final class Sum extends FunctionDef {
    Sum() {
        super(function("sum", Group.MATH_OPERATORS, "Summation")
                .inputReal()
                .paramPeriod(30, 2)
                .output("real"));
    }

    @Override int lookback(Args a) { return a.integer(0) - 1; }

    @Override Step step(Args a) { return unary(new Running(a.integer(0))); }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        sums(in[0], off, len, a.integer(0), out[0]);
    }

    /** Writes the sums of the last {@code period} values of {@code x[off, off + len)} into {@code out}, NaN before bar {@code period - 1}. */
    static void sums(double[] x, int off, int len, int period, double[] out) {
        int lookback = period - 1;
        java.util.Arrays.fill(out, off, off + Math.min(lookback, len), Double.NaN);
        int end = off + len, i = off, trailing = off;
        double total = 0;
        for (; i < Math.min(off + lookback, end); i++) total += x[i];
        for (; i < end; i++) {
            total += x[i];
            double sum = total;
            total -= x[trailing++];
            out[i] = sum;
        }
    }

    /** The streaming running total: a ring of the window's values. */
    static final class Running implements RealStep {
        private final int period;
        private final double[] ring;
        private int pos, seen;
        private double total;

        Running(int period) {
            this.period = period;
            this.ring = new double[period];
        }

        @Override public double next(double x) {
            total += x;
            ring[pos] = x;
            if (++pos == period) pos = 0;
            if (seen < period - 1) {
                seen++;
                return Double.NaN;
            }
            double sum = total;
            total -= ring[pos];                      // the window's first value, x[t - period + 1]
            return sum;
        }
    }
}
