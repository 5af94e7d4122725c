package org.hybridta.functions;

/**
 * Wilder's smoothing of a series' gains and losses, as TA-Lib's RSI and CMO compute it (their C code is the same
 * but for the value's formula): the sums of the first {@code period} changes' gains and losses divided by the
 * period, then at each bar {@code (s * (period - 1) + change) / period}. A bar's value is RSI's
 * ({@link Rsi#value}) or CMO's ({@link Cmo#value}); STOCHRSI chains the RSI step.
 */
final class GainLoss {
    private GainLoss() {}

    /** The value of a bar: CMO's formula when {@code cmo}, else RSI's. */
    private static double value(boolean cmo, double gain, double loss) {
        return cmo ? Cmo.value(gain, loss) : Rsi.value(gain, loss);
    }

    /*
     * A change's gain and loss, TA-Lib's "if (d < 0) loss -= d; else gain += d" as max and min, which C2 compiles
     * without a branch (a random walk's sign is a coin toss). They add what TA-Lib adds but for signed zeros (the same
     * sums: a sum here is never -0.0) and a NaN change, which TA-Lib counts as a gain only: the gain is NaN from then
     * on either way, and so is every value, whatever the loss.
     */
    private static double gain(double d) { return Math.max(d, 0.0); }

    private static double loss(double d) { return -Math.min(d, 0.0); }

    /**
     * TA-Lib's {@code s *= keep; s += x; s /= period} (adding 0 when the change is not of its kind, which leaves
     * the value unchanged, and {@code s + (-d)} being {@code s - d}).
     */
    private static double smooth(double s, double x, int keep, int period) {
        return ((s * keep) + x) / period;
    }

    /** The streaming form of {@link #batch}: NaN until bar {@code period}. */
    static final class State implements RealStep {
        private final int period, keep;
        private final boolean cmo;
        private int seen;
        private double prev, gain, loss;

        State(int period, boolean cmo) {
            this.period = period;
            this.keep = period - 1;
            this.cmo = cmo;
        }

        @Override public double next(double v) {
            double d = v - prev;
            prev = v;
            if (seen > period) {
                gain = smooth(gain, gain(d), keep, period);
                loss = smooth(loss, loss(d), keep, period);
                return value(cmo, gain, loss);
            }
            if (seen++ == 0) return Double.NaN;       // the first bar has no change
            gain += gain(d);
            loss += loss(d);
            if (seen <= period) return Double.NaN;
            loss /= period;
            gain /= period;
            return value(cmo, gain, loss);
        }
    }

    /** Writes RSI's (or CMO's) values of {@code x[off, off + len)} into {@code o}, NaN before bar {@code period}. */
    static void batch(boolean cmo, int period, double[] x, int off, int len, double[] o) {
        State s = new State(period, cmo);
        int i = off, end = off + len, keep = period - 1;
        for (; i < end && i <= off + period; i++) o[i] = s.next(x[i]);      // the seeding, through the step
        double prev = s.prev, gain = s.gain, loss = s.loss;
        for (; i < end; i++) {
            double v = x[i], d = v - prev;
            prev = v;
            gain = smooth(gain, gain(d), keep, period);
            loss = smooth(loss, loss(d), keep, period);
            o[i] = value(cmo, gain, loss);
        }
    }
}
