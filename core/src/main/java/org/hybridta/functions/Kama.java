package org.hybridta.functions;

import org.hybridta.indicator.MaType;

/**
 * TA-Lib's KAMA: an EMA whose factor follows Kaufman's efficiency ratio, {@code |x[t] - x[t-n]|} over the sum of
 * the last {@code n} absolute changes, between the factors of a 2-bar and a 30-bar EMA (squared). The first value
 * (bar {@code n}) starts from the previous input. This class holds the arithmetic that {@link MovingAverage}
 * dispatches to for the KAMA type.
 */
final class Kama extends MaFunction {
    private static final double CONST_MAX = 2.0 / (30.0 + 1.0);
    private static final double CONST_DIFF = 2.0 / (2.0 + 1.0) - CONST_MAX;

    Kama() { super(MaType.KAMA, "Kaufman Adaptive Moving Average"); }

    /** The smoothing factor from the change over the period and the sum of absolute changes (TA-Lib's order). */
    private static double factor(double periodRoc, double sumRoc1) {
        // signed periodRoc, as TA-Lib compares it; a NaN falls through to the ratio
        double ratio = sumRoc1 <= periodRoc || FunctionDef.isZero(sumRoc1) ? 1.0 : Math.abs(periodRoc / sumRoc1);
        double sc = (ratio * CONST_DIFF) + CONST_MAX;
        return sc * sc;
    }

    // ta_KAMA.c with no unstable period
    static void batch(double[] x, int off, int len, int period, double[] out) {
        if (!MovingAverage.warmUp(out, off, len, period)) return;
        int end = off + len, today = off, trailing = off;
        double sumRoc1 = 0.0;
        for (int i = 0; i < period; i++) {
            double d = x[today++];
            d -= x[today];
            sumRoc1 += Math.abs(d);
        }
        double kama = x[today - 1];
        double trailingValue = x[trailing++];
        double sc = factor(x[today] - trailingValue, sumRoc1);
        kama = ((x[today] - kama) * sc) + kama;
        out[today++] = kama;
        for (; today < end; today++) {
            double v = x[today], older = x[trailing++];
            sumRoc1 -= Math.abs(trailingValue - older);
            sumRoc1 += Math.abs(v - x[today - 1]);
            trailingValue = older;
            sc = factor(v - older, sumRoc1);
            kama = ((v - kama) * sc) + kama;
            out[today] = kama;
        }
    }

    /** The streaming form of {@link #batch}: a ring of the last {@code period} values. */
    static final class State implements RealStep {
        private final int period;
        private final double[] ring;                  // x[t] at t % period
        private long bar;
        private double sumRoc1, last, trailingValue, kama;

        State(int period) {
            this.period = period;
            this.ring = new double[period];
        }

        @Override public double next(double x) {
            long today = bar++;
            int slot = (int) (today % period);
            double older = ring[slot];                // x[today - period]
            ring[slot] = x;
            double previous = last;
            last = x;
            if (today == 0) return Double.NaN;
            if (today <= period) {
                double d = previous;
                d -= x;
                sumRoc1 += Math.abs(d);
                if (today < period) return Double.NaN;
                trailingValue = older;
                kama = ((x - previous) * factor(x - older, sumRoc1)) + previous;
                return kama;
            }
            sumRoc1 -= Math.abs(trailingValue - older);
            sumRoc1 += Math.abs(x - previous);
            trailingValue = older;
            kama = ((x - kama) * factor(x - older, sumRoc1)) + kama;
            return kama;
        }
    }
}
