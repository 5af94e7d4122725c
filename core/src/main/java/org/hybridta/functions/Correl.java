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
        int period = a.integer(0);
        Sums sums = new Sums(period);
        double[] xs = new double[period], ys = new double[period];
        int[] bar = {0};
        return (in, out) -> {
            int t = bar[0]++, slot = t % period;
            if (t >= period) sums.remove(xs[slot], ys[slot]);
            sums.add(in[0], in[1]);
            xs[slot] = in[0];
            ys[slot] = in[1];
            out[0] = t >= period - 1 ? sums.correlation() : Double.NaN;
        };
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int period = a.integer(0);
        if (!warmUp(out, off, len, period - 1)) return;
        Sums sums = new Sums(period);
        double[] x = in[0], y = in[1], o = out[0];
        int i = off, end = off + len;
        for (; i < off + period - 1; i++) sums.add(x[i], y[i]);
        for (int trailing = off; i < end; i++) {
            if (i >= off + period) {
                sums.remove(x[trailing], y[trailing]);
                trailing++;
            }
            sums.add(x[i], y[i]);
            o[i] = sums.correlation();
        }
    }

    /** TA-Lib's running sums over one window: the oldest bar leaves before the latest enters. */
    private static final class Sums {
        private final int period;
        private double sumX, sumX2, sumXY, sumY, sumY2;

        Sums(int period) { this.period = period; }

        void add(double x, double y) {
            sumX += x;
            sumX2 += x * x;
            sumXY += x * y;
            sumY += y;
            sumY2 += y * y;
        }

        void remove(double x, double y) {
            sumX -= x;
            sumX2 -= x * x;
            sumXY -= x * y;
            sumY -= y;
            sumY2 -= y * y;
        }

        double correlation() {
            double variances = (sumX2 - ((sumX * sumX) / period)) * (sumY2 - ((sumY * sumY) / period));
            return !(variances < EPSILON) ? (sumXY - ((sumX * sumY) / period)) / Math.sqrt(variances) : 0.0;
        }
    }
}
