package org.hybridta.functions;

/**
 * The highest high and lowest low of sliding windows combined per bar (WILLR, STOCH's fast %K, MIDPRICE and
 * MIDPOINT), for data where TA-Lib's tracker comes down to a plain maximum and minimum: with no NaN in a window
 * and an extreme that is not zero, every rescan and every tie rule of {@link SlidingExtreme} gives the window's
 * maximum and minimum as a value (tied values then have the same bits; only NaN, which TA-Lib passes over or keeps
 * depending on where it sits, and the two zeros, which compare equal with different bits, depend on the path).
 *
 * <p>A chunk of bars at a time, the extremes of windows of 2, 4, 8 ... bars are built from the halves
 * ({@code max(m[i], m[i - w])}), the last step overlapping to the window's length; then the formula. Each loop reads
 * and writes its arrays at one index (the shifted operand is copied first), which is what C2 vectorises: a branch-free
 * {@link Math#max} over vectors, where TA-Lib's tracker takes an unpredictable branch a bar. A chunk whose extremes
 * show a NaN or a zero is refused: {@link #combine} then returns false and the caller runs the tracker from the start.
 */
final class SlidingMinMax {
    /** Bars a chunk produces; its arrays (window - 1 bars more) stay in the level-2 cache. */
    private static final int CHUNK = 2048;
    /** The longest window taken here: beyond it (measured: 512) the doubling steps, log2(window) of them, cost more than the tracker. */
    static final int MAX_WINDOW = 256;

    private SlidingMinMax() {}

    /**
     * The combination of the highest {@code high} and the lowest {@code low} of the windows of {@code window} bars
     * (starting at bar {@code from}) ending at bars {@code from + window - 1 .. end - 1}, with {@code close}, into
     * {@code out} at those bars; false, with {@code out} partly written, where the data need TA-Lib's tracker.
     */
    static boolean combine(double[] high, double[] low, double[] close, SlidingExtreme.Combination how, int from, int window, int end,
            double[] out) {
        int first = from + window - 1;
        if (window > MAX_WINDOW || first >= end) return false;
        int chunk = Math.min(CHUNK, end - first), size = chunk + window - 1;
        double[] a = new double[size], b = new double[size], shifted = new double[size];
        double[] c = new double[size], d = new double[size], closes = new double[size], o = new double[size];
        for (int t0 = first; t0 < end; t0 += chunk) {
            int t1 = Math.min(end, t0 + chunk), base = t0 - window + 1, len = t1 - base;
            // scratch index i is bar base + i; the windows end at i = window - 1 .. len - 1
            double[] hh = highest(high, base, len, window, a, b, shifted);
            double[] ll = lowest(low, base, len, window, c, d, shifted);
            int i0 = window - 1;
            switch (how) {
                case WILLR -> {
                    System.arraycopy(close, base, closes, 0, len);
                    for (int i = i0; i < len; i++) o[i] = (hh[i] - closes[i]) / ((hh[i] - ll[i]) / (-100.0));
                }
                case FAST_K -> {
                    System.arraycopy(close, base, closes, 0, len);
                    for (int i = i0; i < len; i++) o[i] = (closes[i] - ll[i]) / ((hh[i] - ll[i]) / 100.0);
                }
                case MIDPOINT -> {
                    for (int i = i0; i < len; i++) o[i] = (hh[i] + ll[i]) / 2.0;
                }
            }
            // a zero range divided by zero (not finite), a NaN or a zero extreme: rare, a predicted branch
            for (int i = i0; i < len; i++) {
                double h = hh[i], l = ll[i];
                if (!(Math.abs(o[i]) <= Double.MAX_VALUE) | h == 0.0 | l == 0.0) {
                    if (h != h || l != l || h == 0.0 || l == 0.0) return false;
                    o[i] = switch (how) {
                        case WILLR -> Willr.willr(h, l, closes[i]);
                        case FAST_K -> Stoch.fastK(closes[i], h, l);
                        case MIDPOINT -> (h + l) / 2.0;
                    };
                }
            }
            System.arraycopy(o, i0, out, t0, t1 - t0);
        }
        return true;
    }

    // highest and lowest are one method written twice, Math.max and Math.min: a flag tested in the loop would keep
    // C2 from vectorising it

    /** The maxima of the windows ending at scratch indexes {@code window - 1 .. len - 1}, in {@code a} or {@code b}. */
    private static double[] highest(double[] x, int base, int len, int window, double[] a, double[] b, double[] shifted) {
        System.arraycopy(x, base, a, 0, len);
        int p = Integer.highestOneBit(window);
        double[] m = a, next = b;
        for (int w = 1; w < p; w <<= 1) {                // m[i]: the window of w bars ending at i; next: of 2w
            System.arraycopy(m, 0, shifted, w, len - w);
            for (int i = 2 * w - 1; i < len; i++) next[i] = Math.max(m[i], shifted[i]);
            double[] swap = m;
            m = next;
            next = swap;
        }
        int rest = window - p;                           // two windows of p bars overlap to cover the window
        if (rest == 0) return m;
        System.arraycopy(m, 0, shifted, rest, len - rest);
        for (int i = window - 1; i < len; i++) next[i] = Math.max(m[i], shifted[i]);
        return next;
    }

    /** The minima, as {@link #highest}. */
    private static double[] lowest(double[] x, int base, int len, int window, double[] a, double[] b, double[] shifted) {
        System.arraycopy(x, base, a, 0, len);
        int p = Integer.highestOneBit(window);
        double[] m = a, next = b;
        for (int w = 1; w < p; w <<= 1) {
            System.arraycopy(m, 0, shifted, w, len - w);
            for (int i = 2 * w - 1; i < len; i++) next[i] = Math.min(m[i], shifted[i]);
            double[] swap = m;
            m = next;
            next = swap;
        }
        int rest = window - p;
        if (rest == 0) return m;
        System.arraycopy(m, 0, shifted, rest, len - rest);
        for (int i = window - 1; i < len; i++) next[i] = Math.min(m[i], shifted[i]);
        return next;
    }
}
