package org.hybridta.functions;

/**
 * TA-Lib's {@code TA_INT_VAR}: the population variance over {@code period} bars as running sums of the values
 * and of their squares, {@code sum2 / n - (sum / n)^2} (TA-Lib's formula, which can leave a tiny non-zero residue
 * on a flat window; kept to match it). Used by VAR, STDDEV and BBANDS.
 *
 * <p>The running sums round differently depending on the bar they start at, so a caller gives the bar TA-Lib
 * starts summing at ({@code start}, the bars to skip): BBANDS starts its deviation where its moving average
 * starts, minus {@code period - 1}.
 */
final class RunningVariance implements RealStep {
    private final int period, start;
    private final double[] ring;
    private int pos, seen;
    private double total1, total2;

    RunningVariance(int period, int start) {
        this.period = period;
        this.start = start;
        this.ring = new double[period];
    }

    /** The variance of the window ending at this bar, NaN before bar {@code start + period - 1}. */
    @Override public double next(double x) {
        if (seen < start) {
            seen++;
            return Double.NaN;
        }
        total1 += x;
        total2 += x * x;
        ring[pos] = x;
        if (++pos == period) pos = 0;
        if (seen < start + period - 1) {
            seen++;
            return Double.NaN;
        }
        double mean1 = total1 / period, mean2 = total2 / period;
        double old = ring[pos];
        total1 -= old;
        total2 -= old * old;
        return mean2 - mean1 * mean1;
    }

    /**
     * The batch form of {@link #next} from the series' first bar ({@code start} 0, as VAR and STDDEV sum): writes the
     * variance of each window into {@code out[off + period - 1, off + len)}; the caller fills the bars before.
     */
    static void batch(int period, double[] x, int off, int len, double[] out) {
        batch(period, x, off, len, out, null);
    }

    /**
     * {@link #batch(int, double[], int, int, double[])}, and where {@code means} is not null each window's mean
     * {@code sum / period} into it: TA-Lib's SMA of the window bit for bit, as its running sum is the same one.
     */
    static void batch(int period, double[] x, int off, int len, double[] out, double[] means) {
        int end = off + len, i = off, trailing = off;
        double total1 = 0, total2 = 0;
        for (; i < off + period - 1 && i < end; i++) {
            total1 += x[i];
            total2 += x[i] * x[i];
        }
        for (; i < end; i++) {
            total1 += x[i];
            total2 += x[i] * x[i];
            double mean1 = total1 / period, mean2 = total2 / period;
            double old = x[trailing++];
            total1 -= old;
            total2 -= old * old;
            out[i] = mean2 - mean1 * mean1;
            if (means != null) means[i] = mean1;
        }
    }

    /** TA-Lib's standard deviation of a variance: its square root, or 0 where {@code TA_IS_ZERO_OR_NEG}. */
    static double deviation(double variance) {
        return !(variance < FunctionDef.EPSILON) ? Math.sqrt(variance) : 0.0;
    }
}
