package org.hybridta.functions;

/**
 * The highest (or lowest) value of the last {@code window} bars and its bar index, exactly as TA-Lib tracks it
 * (MAX, MIN, MAXINDEX, MININDEX, MINMAX, MINMAXINDEX, WILLR, STOCH, AROON, MIDPOINT ...): TA-Lib keeps the
 * extreme's index, replaces it by a new bar that is at least as extreme ({@code >=}), and rescans the window
 * when the extreme leaves it — taking the earliest extreme on ties (MAX's {@code >}) or the latest (AROON's
 * {@code >=}). The rescan here is answered by a monotonic queue, so each bar costs O(1) amortised instead of
 * TA-Lib's O(window), with the same index chosen on ties and the same treatment of NaN (a NaN at the window's
 * start sticks, other NaNs are passed over).
 *
 * <p>A lowest is tracked as the highest of the negated values (negation is exact, so the same bits come back).
 * Feed consecutive bars to {@link #add}; {@link #value()} and {@link #index()} are TA-Lib's from bar
 * {@code window - 1} on.
 */
final class SlidingExtreme {
    private final int window, ringMask, queueMask;
    private final double sign;
    private final boolean latestOnTies;
    private final double[] ring;          // the last window values (times sign), bar t at t & ringMask
    private final int[] queueBar;         // candidate bars, values non-increasing; head and tail count up
    private final double[] queueValue;
    private int head, tail, count;
    private int index = -1;
    private double value;

    private SlidingExtreme(int window, boolean highest, boolean latestOnTies) {
        this.window = window;
        this.sign = highest ? 1.0 : -1.0;
        this.latestOnTies = latestOnTies;
        int ringSize = Integer.highestOneBit(Math.max(1, window - 1)) << 1;         // a power of two >= window
        int queueSize = Integer.highestOneBit(window) << 1;                         // a power of two > window
        this.ring = new double[ringSize];
        this.ringMask = ringSize - 1;
        this.queueBar = new int[queueSize];
        this.queueValue = new double[queueSize];
        this.queueMask = queueSize - 1;
    }

    /** The highest of the window; on a rescan the earliest of equal highs (TA-Lib's MAX, STOCH, WILLR). */
    static SlidingExtreme highest(int window) { return new SlidingExtreme(window, true, false); }

    /** The lowest of the window; on a rescan the earliest of equal lows (TA-Lib's MIN, STOCH, WILLR). */
    static SlidingExtreme lowest(int window) { return new SlidingExtreme(window, false, false); }

    /** Like {@link #highest} but a rescan takes the latest of equal highs (TA-Lib's AROON). */
    static SlidingExtreme highestLatest(int window) { return new SlidingExtreme(window, true, true); }

    /** Like {@link #lowest} but a rescan takes the latest of equal lows (TA-Lib's AROON). */
    static SlidingExtreme lowestLatest(int window) { return new SlidingExtreme(window, false, true); }

    /** Adds the next bar. */
    void add(double x) {
        double v = sign * x;
        int today = count++;
        ring[today & ringMask] = v;
        int trailing = today - window + 1;
        // the queue holds the non-NaN bars of the window that a rescan could pick, oldest first
        while (head != tail && queueBar[head & queueMask] < trailing) head++;
        if (v == v) {
            while (head != tail) {
                double back = queueValue[(tail - 1) & queueMask];
                if (latestOnTies ? back <= v : back < v) tail--;
                else break;
            }
            queueBar[tail & queueMask] = today;
            queueValue[tail & queueMask] = v;
            tail++;
        }
        if (trailing < 0) return;
        if (index < trailing) {
            // TA-Lib rescans from the window's first bar: a NaN there stays, otherwise the queue's front
            double first = ring[trailing & ringMask];
            if (first != first) {
                index = trailing;
                value = first;
            } else {
                index = queueBar[head & queueMask];
                value = queueValue[head & queueMask];
            }
        } else if (v >= value) {
            index = today;
            value = v;
        }
    }

    /** The extreme of the window ending at the last bar added. */
    double value() { return sign * value; }

    /** The bar of {@link #value()}, counted from the first bar added. */
    int index() { return index; }
}
