package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;

/**
 * TA-Lib's BETA: the least-squares slope of {@code real1}'s one-bar returns against {@code real0}'s over the last
 * {@code timeperiod} returns (a return is 0 where the previous price is zero by TA-Lib's 1e-14 test; the slope is 0
 * where the returns of {@code real0} do not vary).
 */
final class Beta extends FunctionDef {
    Beta() {
        super(function("beta", Group.STATISTIC_FUNCTIONS, "Beta")
                .inputReal("real0", Field.HIGH)
                .inputReal("real1", Field.LOW)
                .paramPeriod(5, 1)
                .output("real"));
    }

    @Override int lookback(Args a) { return a.integer(0); }

    @Override Step step(Args a) {
        int period = a.integer(0);
        Sums sums = new Sums(period);
        double[] xs = new double[period], ys = new double[period];       // the window's returns
        double[] last = new double[2];
        int[] bar = {0};
        return (in, out) -> {
            int t = bar[0]++;
            out[0] = Double.NaN;
            if (t > 0) {
                int slot = t % period;
                xs[slot] = change(in[0], last[0]);
                ys[slot] = change(in[1], last[1]);
                sums.add(xs[slot], ys[slot]);
                if (t >= period) {
                    int first = (t + 1) % period;                          // the return of bar t - period + 1
                    out[0] = sums.beta();
                    sums.remove(xs[first], ys[first]);
                }
            }
            last[0] = in[0];
            last[1] = in[1];
        };
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int period = a.integer(0);
        if (!warmUp(out, off, len, period)) return;
        Sums sums = new Sums(period);
        double[] x = in[0], y = in[1], o = out[0];
        int i = off + 1, end = off + len;
        for (; i < off + period; i++) sums.add(change(x[i], x[i - 1]), change(y[i], y[i - 1]));
        for (int trailing = off + 1; i < end; i++, trailing++) {
            sums.add(change(x[i], x[i - 1]), change(y[i], y[i - 1]));
            o[i] = sums.beta();
            sums.remove(change(x[trailing], x[trailing - 1]), change(y[trailing], y[trailing - 1]));
        }
    }

    /** TA-Lib's one-bar return: 0 after a price TA-Lib deems zero. */
    private static double change(double price, double last) {
        return !isZero(last) ? (price - last) / last : 0.0;
    }

    /** TA-Lib's running sums of the window's returns. */
    private static final class Sums {
        private final double n;
        private double sxx, sxy, sx, sy;

        Sums(int period) { this.n = period; }

        void add(double x, double y) {
            sxx += x * x;
            sxy += x * y;
            sx += x;
            sy += y;
        }

        void remove(double x, double y) {
            sxx -= x * x;
            sxy -= x * y;
            sx -= x;
            sy -= y;
        }

        double beta() {
            double divisor = (n * sxx) - (sx * sx);
            return !isZero(divisor) ? ((n * sxy) - (sx * sy)) / divisor : 0.0;
        }
    }
}
