package org.hybridta.functions;

/**
 * The highest (or lowest) value of the last {@code window} bars and its bar index, exactly as TA-Lib tracks it
 * (MAX, MIN, MAXINDEX, MININDEX, MINMAX, MINMAXINDEX, WILLR, STOCH, AROON, MIDPOINT ...): TA-Lib keeps the
 * extreme's index, replaces it by a new bar that is at least as extreme ({@code >=}), and rescans the window
 * when the extreme leaves it — taking the earliest extreme on ties (MAX's {@code >}) or the latest (AROON's
 * {@code >=}), a NaN at the window's start sticking and other NaNs passed over.
 *
 * <p>The rescan is answered in O(1) instead of TA-Lib's O(window), as van Herk and Gil-Werman answer window
 * maxima: one backward pass over a whole window stores the answer for every start of it ("suffix" answers,
 * valid until that window has left), and a running answer covers the bars since the pass. A pass happens at
 * most once every {@code window} bars, so each bar costs O(1) amortised, with few unpredictable branches (a
 * monotonic queue, the other O(1) method, pops a data-dependent number of entries every bar and ran 4 times
 * slower than TA-Lib's rescans on random walks).
 *
 * <p>Feed consecutive bars to {@link #add}; {@link #value()} and {@link #index()} are TA-Lib's from the bar
 * {@code window - 1} on.
 */
final class SlidingExtreme {
    private final int window;
    private final boolean highest, latestOnTies;
    // power-of-two sizes, so a slot is a mask, not a division
    private final int mask;
    private final double[] ring;          // the last window values (at least), bar t at t & mask
    private final int[] suffixIndex;      // for bar i of the last pass: the rescan's answer over [i, passEnd], -1 if all NaN
    private final double[] suffixValue;
    private int count;
    private int passEnd = -1;             // the last bar of the last pass
    private int sinceIndex = -1;          // the rescan's answer over (passEnd, last bar], -1 if none
    private double sinceValue;
    private int index = -1;
    private double value;

    private SlidingExtreme(int window, boolean highest, boolean latestOnTies) {
        this.window = window;
        this.highest = highest;
        this.latestOnTies = latestOnTies;
        int capacity = window <= 1 ? 1 : Integer.highestOneBit(window - 1) << 1;
        this.mask = capacity - 1;
        this.ring = new double[capacity];
        this.suffixIndex = new int[capacity];
        this.suffixValue = new double[capacity];
    }

    /** The highest of the window; on a rescan the earliest of equal highs (TA-Lib's MAX, STOCH, WILLR). */
    static SlidingExtreme highest(int window) { return new SlidingExtreme(window, true, false); }

    /** The lowest of the window; on a rescan the earliest of equal lows (TA-Lib's MIN, STOCH, WILLR). */
    static SlidingExtreme lowest(int window) { return new SlidingExtreme(window, false, false); }

    /** Like {@link #highest} but a rescan takes the latest of equal highs (TA-Lib's AROON). */
    static SlidingExtreme highestLatest(int window) { return new SlidingExtreme(window, true, true); }

    /** Like {@link #lowest} but a rescan takes the latest of equal lows (TA-Lib's AROON). */
    static SlidingExtreme lowestLatest(int window) { return new SlidingExtreme(window, false, true); }

    /** In a rescan (TA-Lib's left-to-right scan), whether a later bar's value replaces the earlier candidate's. */
    private boolean beats(double later, double earlier) {
        if (highest) return latestOnTies ? later >= earlier : later > earlier;
        return latestOnTies ? later <= earlier : later < earlier;
    }

    /** Adds the next bar. */
    void add(double x) {
        int today = count++;
        ring[today & mask] = x;
        if (!Double.isNaN(x) && (sinceIndex < 0 || beats(x, sinceValue))) {
            sinceIndex = today;
            sinceValue = x;
        }
        int trailing = today - window + 1;
        if (trailing < 0) return;
        if (index < trailing) {
            rescan(trailing, today);
        } else if (highest ? x >= value : x <= value) {
            index = today;
            value = x;
        }
    }

    /** TA-Lib's scan of [trailing, today]. */
    private void rescan(int trailing, int today) {
        double first = ring[trailing & mask];
        if (Double.isNaN(first)) {                    // TA-Lib's scan starts with it, and NaN is never beaten
            index = trailing;
            value = first;
            return;
        }
        if (trailing > passEnd) pass(trailing, today);
        int slot = trailing & mask;                   // the answer over [trailing, passEnd], not empty: first is a number
        if (sinceIndex >= 0 && beats(sinceValue, suffixValue[slot])) {
            index = sinceIndex;
            value = sinceValue;
        } else {
            index = suffixIndex[slot];
            value = suffixValue[slot];
        }
    }

    /** Stores the scan's answer over [i, to] for every i of [from, to], right to left. */
    private void pass(int from, int to) {
        int best = -1;
        double bestValue = Double.NaN;
        for (int i = to; i >= from; i--) {
            double v = ring[i & mask];
            if (!Double.isNaN(v) && (best < 0 || !beats(bestValue, v))) {
                best = i;
                bestValue = v;
            }
            suffixIndex[i & mask] = best;
            suffixValue[i & mask] = bestValue;
        }
        passEnd = to;
        sinceIndex = -1;
    }

    /** The extreme of the window ending at the last bar added. */
    double value() { return value; }

    /** The bar of {@link #value()}, counted from the first bar added. */
    int index() { return index; }
}
