package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;
import org.hybridta.indicator.MaType;

/**
 * TA-Lib's T3 (Tillson): six chained EMAs {@code e1 .. e6}, each seeded with the mean of the previous one's first
 * {@code timeperiod} values, combined as {@code c1*e6 + c2*e5 + c3*e4 + c4*e3} with coefficients from the volume
 * factor. The MA type T3 is this with the factor 0.7 ({@link MovingAverage}).
 */
final class T3 extends FunctionDef {
    /** The volume factor TA-Lib's {@code TA_MA} uses for the T3 type. */
    static final double MA_VFACTOR = 0.7;

    T3() {
        super(function("t3", Group.OVERLAP_STUDIES, "Triple Exponential Moving Average (T3)")
                .overlap()
                .inputReal()
                .paramPeriod(5, 2)
                .paramReal("vfactor", 0.7, 0, 1)
                .output("real"));
    }

    @Override int lookback(Args a) { return MovingAverage.lookback(MaType.T3, a.integer(0)); }

    @Override Step step(Args a) { return unary(new State(a.integer(0), a.real(1))); }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        batch(in[0], off, len, a.integer(0), a.real(1), out[0]);
    }

    /** TA-Lib's {@code c1 .. c4} of a volume factor, in its order of operations. */
    private static double[] coefficients(double v) {
        double v2 = v * v;
        double c1 = -(v2 * v);
        double c2 = 3.0 * (v2 - c1);
        double c3 = -6.0 * v2 - 3.0 * (v - c1);
        double c4 = 1.0 + 3.0 * v - c1 + 3.0 * v2;
        return new double[] {c1, c2, c3, c4};
    }

    // ta_T3.c with no unstable period: the State seeds the six EMAs, then a plain loop runs them
    static void batch(double[] x, int off, int len, int period, double vFactor, double[] out) {
        State s = new State(period, vFactor);
        int today = off, end = off + len, seeded = Math.min(end, off + 6 * (period - 1) + 1);
        for (; today < seeded; today++) out[today] = s.next(x[today]);
        if (today == end) return;
        double k = s.k, m = s.m, c1 = s.c1, c2 = s.c2, c3 = s.c3, c4 = s.c4;
        double e1 = s.e[0], e2 = s.e[1], e3 = s.e[2], e4 = s.e[3], e5 = s.e[4], e6 = s.e[5];
        for (; today < end; today++) {
            e1 = (k * x[today]) + (m * e1);
            e2 = (k * e1) + (m * e2);
            e3 = (k * e2) + (m * e3);
            e4 = (k * e3) + (m * e4);
            e5 = (k * e4) + (m * e5);
            e6 = (k * e5) + (m * e6);
            out[today] = c1 * e6 + c2 * e5 + c3 * e4 + c4 * e3;
        }
    }

    /**
     * ta_T3.c one bar at a time: stage {@code s} (1 to 6) seeds {@code e[s-1]}; stage 1 sums the first
     * {@code period} inputs, each later stage runs the seeded EMAs over {@code period - 1} bars and sums the newest
     * (TA-Lib's six unrolled loops); from stage 7 on, all six run.
     */
    static final class State implements RealStep {
        private final int period;
        private final double k, m, c1, c2, c3, c4;
        private final double[] e = new double[6];
        private int stage = 1, left;
        private double sum;

        State(int period, double vFactor) {
            this.period = period;
            this.k = 2.0 / (period + 1.0);
            this.m = 1.0 - k;
            double[] c = coefficients(vFactor);
            c1 = c[0];
            c2 = c[1];
            c3 = c[2];
            c4 = c[3];
            this.left = period;
        }

        @Override public double next(double x) {
            double[] e = this.e;
            if (stage == 1) {
                sum = left == period ? x : sum + x;
                if (--left > 0) return Double.NaN;
                e[0] = sum / period;
                return nextStage();
            }
            int seeded = Math.min(stage - 1, 6);
            double input = x;
            for (int j = 0; j < seeded; j++) {
                e[j] = (k * input) + (m * e[j]);
                input = e[j];
            }
            if (stage > 6) return value();
            sum += input;
            if (--left > 0) return Double.NaN;
            e[stage - 1] = sum / period;
            return nextStage();
        }

        /** TA-Lib's {@code c1*e6 + c2*e5 + c3*e4 + c4*e3}, written out in the batch's loop. */
        private double value() {
            return c1 * e[5] + c2 * e[4] + c3 * e[3] + c4 * e[2];
        }

        /** Ends a seeding stage: the next stage sums from the new seed; after the sixth, the first value. */
        private double nextStage() {
            if (stage == 6) {
                stage = 7;
                return value();
            }
            sum = e[stage - 1];
            stage++;
            left = period - 1;
            return Double.NaN;
        }
    }
}
