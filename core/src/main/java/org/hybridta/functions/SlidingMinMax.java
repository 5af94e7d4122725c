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
 * {@link #aroon} builds, the same way, the bars since each window's latest extreme (AROON, AROONOSC).
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
        double[] highs = new double[size], lows = new double[size], shifted = new double[size];
        double[] closes = new double[size], o = new double[size];
        for (int t0 = first; t0 < end; t0 += chunk) {
            int t1 = Math.min(end, t0 + chunk), base = t0 - window + 1, len = t1 - base;
            // scratch index i is bar base + i; the windows end at i = window - 1 .. len - 1
            double[] hh = highest(high, base, len, window, highs, shifted);
            double[] ll = lowest(low, base, len, window, lows, shifted);
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
            // a NaN in the window (the extremes NaN), a zero extreme (whose sign TA-Lib may pick otherwise) and a zero
            // range (divided by zero: not finite) are rare: one predicted branch, then the bar at length
            for (int i = i0; i < len; i++) {
                if (!(Math.abs(o[i]) <= Double.MAX_VALUE) | hh[i] == 0.0 | ll[i] == 0.0) {
                    double h = hh[i], l = ll[i];
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

    /**
     * AROON (into {@code down} and {@code up}) or AROONOSC (into {@code osc}, the others null) over {@code period}:
     * the bars since the highest high and the lowest low of the last {@code period + 1} bars, latest on ties, from
     * bar {@code from + period} to {@code end - 1}; false where the data need TA-Lib's tracker (a NaN, or infinities
     * that meet).
     *
     * <p>Without NaN, TA-Lib's AROON tracker holds the latest bar of the window's maximum ({@code >=} in its rescans
     * and updates; the two zeros compare equal, so their signs do not matter here). That is built like the maxima,
     * with the bars since each window's maximum beside it ({@link #latestHighest}); a NaN in a window makes its count
     * NaN, and so the output.
     */
    static boolean aroon(double[] high, double[] low, int from, int period, int end, double[] down, double[] up, double[] osc) {
        int window = period + 1, first = from + period;
        if (window > MAX_WINDOW || first >= end) return false;
        int chunk = Math.min(CHUNK, end - first), size = chunk + window - 1;
        double[] hh = new double[size], sinceHigh = new double[size], ll = new double[size], sinceLow = new double[size];
        double[] shifted = new double[size], shiftedAge = new double[size];
        double[] o1 = new double[size], o2 = new double[size];
        double factor = 100.0 / period;
        for (int t0 = first; t0 < end; t0 += chunk) {
            int t1 = Math.min(end, t0 + chunk), base = t0 - period, len = t1 - base;
            latestHighest(high, base, len, window, hh, sinceHigh, shifted, shiftedAge);
            latestLowest(low, base, len, window, ll, sinceLow, shifted, shiftedAge);
            if (osc != null) {
                for (int i = period; i < len; i++) o1[i] = factor * (sinceLow[i] - sinceHigh[i]);     // TA-Lib: highestIdx - lowestIdx
            } else {
                for (int i = period; i < len; i++) o1[i] = factor * (period - sinceLow[i]);
                for (int i = period; i < len; i++) o2[i] = factor * (period - sinceHigh[i]);
            }
            for (int i = period; i < len; i++) if (Double.isNaN(sinceLow[i] + sinceHigh[i])) return false;
            if (osc != null) {
                System.arraycopy(o1, period, osc, t0, t1 - t0);
            } else {
                System.arraycopy(o1, period, down, t0, t1 - t0);
                System.arraycopy(o2, period, up, t0, t1 - t0);
            }
        }
        return true;
    }

    /**
     * The maxima of the windows ending at scratch indexes {@code window - 1 .. len - 1} into {@code max}, and the bars
     * since the latest bar that holds it into {@code since} (as doubles, exact). A window of 2w bars takes its newer
     * half's maximum and count when that maximum is at least the older half's, else the older's, its count plus w;
     * the choice is the factor {@code min(d * 2^2000, 1)} of the difference {@code d} of the maxima (0 or 1: d is 0
     * or at least the smallest double), so that the loop stays arithmetic and vectorises. The last step overlaps two
     * windows: on a tie the newer holds the latest bar. {@code sm}, {@code sa} are scratch.
     */
    private static void latestHighest(double[] x, int base, int len, int window, double[] max, double[] since, double[] sm, double[] sa) {
        System.arraycopy(x, base, max, 0, len);
        java.util.Arrays.fill(since, 0, len, 0.0);
        int p = Integer.highestOneBit(window);
        for (int w = 1; w < window; w <<= 1) {
            int step = w < p ? w : window - p;                // the last step overlaps to cover the window
            System.arraycopy(max, 0, sm, step, len - step);
            System.arraycopy(since, 0, sa, step, len - step);
            for (int i = w < p ? 2 * w - 1 : window - 1; i < len; i++) {
                double newer = max[i], both = Math.max(newer, sm[i]);
                double older = Math.min((both - newer) * 0x1p1000 * 0x1p1000, 1.0);
                max[i] = both;
                since[i] += older * (sa[i] + step - since[i]);
            }
            if (w >= p) break;
        }
    }

    /** The minima and the bars since the latest bar that holds each, as {@link #latestHighest}. */
    private static void latestLowest(double[] x, int base, int len, int window, double[] min, double[] since, double[] sm, double[] sa) {
        System.arraycopy(x, base, min, 0, len);
        java.util.Arrays.fill(since, 0, len, 0.0);
        int p = Integer.highestOneBit(window);
        for (int w = 1; w < window; w <<= 1) {
            int step = w < p ? w : window - p;
            System.arraycopy(min, 0, sm, step, len - step);
            System.arraycopy(since, 0, sa, step, len - step);
            for (int i = w < p ? 2 * w - 1 : window - 1; i < len; i++) {
                double newer = min[i], both = Math.min(newer, sm[i]);
                double older = Math.min((newer - both) * 0x1p1000 * 0x1p1000, 1.0);
                min[i] = both;
                since[i] += older * (sa[i] + step - since[i]);
            }
            if (w >= p) break;
        }
    }

    // highest and lowest (as latestHighest and latestLowest) are one method written twice, Math.max and Math.min: a
    // flag tested in the loop would keep C2 from vectorising it

    /** The maxima of the windows ending at scratch indexes {@code window - 1 .. len - 1}, built in {@code m}. */
    private static double[] highest(double[] x, int base, int len, int window, double[] m, double[] shifted) {
        System.arraycopy(x, base, m, 0, len);
        int p = Integer.highestOneBit(window);
        for (int w = 1; w < p; w <<= 1) {                // m[i]: the window of w bars ending at i, then of 2w
            System.arraycopy(m, 0, shifted, w, len - w);
            for (int i = 2 * w - 1; i < len; i++) m[i] = Math.max(m[i], shifted[i]);
        }
        int rest = window - p;                           // two windows of p bars overlap to cover the window
        if (rest == 0) return m;
        System.arraycopy(m, 0, shifted, rest, len - rest);
        for (int i = window - 1; i < len; i++) m[i] = Math.max(m[i], shifted[i]);
        return m;
    }

    /** The minima, as {@link #highest}. */
    private static double[] lowest(double[] x, int base, int len, int window, double[] m, double[] shifted) {
        System.arraycopy(x, base, m, 0, len);
        int p = Integer.highestOneBit(window);
        for (int w = 1; w < p; w <<= 1) {
            System.arraycopy(m, 0, shifted, w, len - w);
            for (int i = 2 * w - 1; i < len; i++) m[i] = Math.min(m[i], shifted[i]);
        }
        int rest = window - p;
        if (rest == 0) return m;
        System.arraycopy(m, 0, shifted, rest, len - rest);
        for (int i = window - 1; i < len; i++) m[i] = Math.min(m[i], shifted[i]);
        return m;
    }
}
