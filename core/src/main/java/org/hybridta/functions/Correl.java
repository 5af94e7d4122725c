package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;

/**
 * TA-Lib's CORREL: Pearson's correlation of {@code real0} and {@code real1} over the last {@code timeperiod} bars,
 * from running sums (0 where the product of the two variances is zero or negative by TA-Lib's 1e-14 test).
 */
final class Correl extends FunctionDef {
    Correl() {
        super(function("correl", Group.STATISTIC_FUNCTIONS, "Pearson's Correlation Coefficient (r)")
                .inputReal("real0", Field.HIGH)
                .inputReal("real1", Field.LOW)
                .paramPeriod(30, 1)
                .output("real"));
    }

    @Override int lookback(Args a) { return a.integer(0) - 1; }

    @Override Step step(Args a) {
        Correlation r = new Correlation(a.integer(0));
        return (in, out) -> out[0] = r.next(in[0], in[1]);
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        Correlation r = new Correlation(a.integer(0));
        double[] x = in[0], y = in[1], o = out[0];
        for (int i = off, end = off + len; i < end; i++) o[i] = r.next(x[i], y[i]);
    }

    /** TA-Lib's running sums over one window, taking the oldest bar out before adding the latest. */
    private static final class Correlation {
        private final int period;
        private final double[] xs, ys;
        private int pos, bar;
        private double sumX, sumX2, sumXY, sumY, sumY2;

        Correlation(int period) {
            this.period = period;
            this.xs = new double[period];
            this.ys = new double[period];
        }

        double next(double x, double y) {
            if (bar++ >= period) {
                double oldX = xs[pos], oldY = ys[pos];
                sumX -= oldX;
                sumX2 -= oldX * oldX;
                sumXY -= oldX * oldY;
                sumY -= oldY;
                sumY2 -= oldY * oldY;
            }
            sumX += x;
            sumX2 += x * x;
            sumXY += x * y;
            sumY += y;
            sumY2 += y * y;
            xs[pos] = x;
            ys[pos] = y;
            if (++pos == period) pos = 0;
            if (bar < period) return Double.NaN;
            double variances = (sumX2 - ((sumX * sumX) / period)) * (sumY2 - ((sumY * sumY) / period));
            return !(variances < EPSILON) ? (sumXY - ((sumX * sumY) / period)) / Math.sqrt(variances) : 0.0;
        }
    }
}
