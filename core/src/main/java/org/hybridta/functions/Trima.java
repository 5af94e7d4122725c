package org.hybridta.functions;

import org.hybridta.indicator.MaType;

/**
 * TA-Lib's TRIMA: the triangular average (weights 1, 2 .. top .. 2, 1) kept as TA-Lib keeps it, a weighted sum and
 * the plain sums of the window's older and newer halves, each moved one bar per step. This class holds the
 * arithmetic that {@link MovingAverage} dispatches to for the TRIMA type.
 */
final class Trima extends MaFunction {
    Trima() { super(MaType.TRIMA, "Triangular Moving Average"); }

    /** {@code 1 / sum of the weights}, multiplied in {@code int} as TA-Lib does (periods above 92680 are refused). */
    private static double factor(int period) {
        int half = period >> 1;
        int weights = (period & 1) == 1 ? (half + 1) * (half + 1) : half * (half + 1);
        return 1.0 / weights;
    }

    /** The bar of the window's middle, {@code period >> 1} bars before the newest. */
    private static int middle(int period) { return period >> 1; }

    // ta_TRIMA.c: numerator is the weighted sum, numeratorSub the older half (middle included), numeratorAdd the newer
    static void batch(double[] x, int off, int len, int period, double[] out) {
        int lb = period - 1;
        if (!MovingAverage.warmUp(out, off, len, lb)) return;
        boolean odd = (period & 1) == 1;
        double factor = factor(period);
        int end = off + len, trailing = off, middle = off + lb - middle(period), today = off + lb;
        double numerator = 0.0, numeratorSub = 0.0, numeratorAdd = 0.0;
        for (int i = middle; i >= trailing; i--) {
            numeratorSub += x[i];
            numerator += numeratorSub;
        }
        for (int i = ++middle; i <= today; i++) {
            numeratorAdd += x[i];
            numerator += numeratorAdd;
        }
        double trailingValue = x[trailing++];
        out[today++] = numerator * factor;
        for (; today < end; today++) {
            numerator -= numeratorSub;
            numeratorSub -= trailingValue;
            double v = x[middle++];
            numeratorSub += v;
            if (odd) {                                // TA-Lib's odd and even loops differ in this order
                numerator += numeratorAdd;
                numeratorAdd -= v;
            } else {
                numeratorAdd -= v;
                numerator += numeratorAdd;
            }
            v = x[today];
            numeratorAdd += v;
            numerator += v;
            trailingValue = x[trailing++];
            out[today] = numerator * factor;
        }
    }

    /** The streaming form of {@link #batch}: a ring of the last {@code period} values. */
    static final class State implements RealStep {
        private final int period, half;
        private final boolean odd;
        private final double factor;
        private final double[] ring;                  // x[t] at t % period
        private long bar;
        private double numerator, numeratorSub, numeratorAdd, trailingValue;

        State(int period) {
            this.period = period;
            this.half = middle(period);
            this.odd = (period & 1) == 1;
            this.factor = factor(period);
            this.ring = new double[period];
        }

        private double at(long t) { return ring[(int) (t % period)]; }

        @Override public double next(double x) {
            long today = bar++;
            if (today < period - 1) {
                ring[(int) (today % period)] = x;
                return Double.NaN;
            }
            if (today == period - 1) {
                ring[(int) (today % period)] = x;
                int middle = period - 1 - half;
                for (int i = middle; i >= 0; i--) {
                    numeratorSub += at(i);
                    numerator += numeratorSub;
                }
                for (int i = middle + 1; i <= today; i++) {
                    numeratorAdd += at(i);
                    numerator += numeratorAdd;
                }
                trailingValue = at(0);
                return numerator * factor;
            }
            ring[(int) (today % period)] = x;         // replaces x[today - period], already in trailingValue
            numerator -= numeratorSub;
            numeratorSub -= trailingValue;
            double v = at(today - half);
            numeratorSub += v;
            if (odd) {
                numerator += numeratorAdd;
                numeratorAdd -= v;
            } else {
                numeratorAdd -= v;
                numerator += numeratorAdd;
            }
            numeratorAdd += x;
            numerator += x;
            trailingValue = at(today - period + 1);
            return numerator * factor;
        }
    }
}
