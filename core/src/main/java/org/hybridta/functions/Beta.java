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
        Slope slope = new Slope(a.integer(0));
        return (in, out) -> out[0] = slope.next(in[0], in[1]);
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        Slope slope = new Slope(a.integer(0));
        double[] x = in[0], y = in[1], o = out[0];
        for (int i = off, end = off + len; i < end; i++) o[i] = slope.next(x[i], y[i]);
    }

    /** The running sums of one series pair's returns, with a ring of the window's returns to take them out again. */
    private static final class Slope {
        private final int period;
        private final double n;
        private final double[] xs, ys;
        private int pos, bar;
        private double lastX, lastY, sxx, sxy, sx, sy;

        Slope(int period) {
            this.period = period;
            this.n = period;
            this.xs = new double[period];
            this.ys = new double[period];
        }

        double next(double priceX, double priceY) {
            if (bar++ == 0) {
                lastX = priceX;
                lastY = priceY;
                return Double.NaN;
            }
            double x = change(priceX, lastX), y = change(priceY, lastY);
            lastX = priceX;
            lastY = priceY;
            sxx += x * x;
            sxy += x * y;
            sx += x;
            sy += y;
            xs[pos] = x;
            ys[pos] = y;
            if (++pos == period) pos = 0;
            if (bar <= period) return Double.NaN;
            double divisor = (n * sxx) - (sx * sx);
            double beta = !isZero(divisor) ? ((n * sxy) - (sx * sy)) / divisor : 0.0;
            double oldX = xs[pos], oldY = ys[pos];               // the window's first return
            sxx -= oldX * oldX;
            sxy -= oldX * oldY;
            sx -= oldX;
            sy -= oldY;
            return beta;
        }

        private static double change(double price, double last) {
            return !isZero(last) ? (price - last) / last : 0.0;
        }
    }
}
