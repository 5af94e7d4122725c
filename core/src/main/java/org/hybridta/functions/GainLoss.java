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
            if (seen == 0) {
                seen++;
                prev = v;
                return Double.NaN;
            }
            double d = v - prev;
            prev = v;
            if (seen < period) {
                seen++;
                if (d < 0) loss -= d;
                else gain += d;
                return Double.NaN;
            }
            if (seen == period) {
                seen++;
                if (d < 0) loss -= d;
                else gain += d;
                loss /= period;
                gain /= period;
                return value(cmo, gain, loss);
            }
            loss *= keep;
            gain *= keep;
            if (d < 0) loss -= d;
            else gain += d;
            loss /= period;
            gain /= period;
            return value(cmo, gain, loss);
        }
    }

    /** Writes RSI's (or CMO's) values of {@code x[off, off + len)} into {@code o}, NaN before bar {@code period}. */
    static void batch(boolean cmo, int period, double[] x, int off, int len, double[] o) {
        java.util.Arrays.fill(o, off, off + Math.min(period, len), Double.NaN);
        if (len <= period) return;
        int end = off + len, i = off + 1;
        double prev = x[off], gain = 0.0, loss = 0.0;
        for (; i <= off + period; i++) {
            double v = x[i], d = v - prev;
            prev = v;
            if (d < 0) loss -= d;
            else gain += d;
        }
        loss /= period;
        gain /= period;
        o[off + period] = value(cmo, gain, loss);
        int keep = period - 1;
        for (; i < end; i++) {
            double v = x[i], d = v - prev;
            prev = v;
            loss *= keep;
            gain *= keep;
            if (d < 0) loss -= d;
            else gain += d;
            loss /= period;
            gain /= period;
            o[i] = value(cmo, gain, loss);
        }
    }
}
