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
 * <p>Feed consecutive bars to {@link #add}; {@link #value()} and {@link #index()} are TA-Lib's from the bar
 * {@code window - 1} on.
 */
final class SlidingExtreme {
    private final int window;
    private final boolean highest, latestOnTies;
    private final double[] ring;          // the last window values, bar t at t % window
    private final int[] queue;            // candidate bars, values monotonic; circular
    private int head, size, count;
    private int index = -1;
    private double value;

    private SlidingExtreme(int window, boolean highest, boolean latestOnTies) {
        this.window = window;
        this.highest = highest;
        this.latestOnTies = latestOnTies;
        this.ring = new double[window];
        this.queue = new int[window + 1];
    }

    /** The highest of the window; on a rescan the earliest of equal highs (TA-Lib's MAX, STOCH, WILLR). */
    static SlidingExtreme highest(int window) { return new SlidingExtreme(window, true, false); }

    /** The lowest of the window; on a rescan the earliest of equal lows (TA-Lib's MIN, STOCH, WILLR). */
    static SlidingExtreme lowest(int window) { return new SlidingExtreme(window, false, false); }

    /** Like {@link #highest} but a rescan takes the latest of equal highs (TA-Lib's AROON). */
    static SlidingExtreme highestLatest(int window) { return new SlidingExtreme(window, true, true); }

    /** Like {@link #lowest} but a rescan takes the latest of equal lows (TA-Lib's AROON). */
    static SlidingExtreme lowestLatest(int window) { return new SlidingExtreme(window, false, true); }

    /** {@code a} beats {@code b}: strictly more extreme, or equally extreme when ties go to the later bar. */
    private boolean pops(double back, double x) {
        if (highest) return latestOnTies ? back <= x : back < x;
        return latestOnTies ? back >= x : back > x;
    }

    /** Adds the next bar. */
    void add(double x) {
        int today = count++;
        ring[today % window] = x;
        int trailing = today - window + 1;
        // the queue holds the non-NaN bars of the window that a rescan could pick, oldest first
        while (size > 0 && queue[head] < trailing) {
            head = head + 1 == queue.length ? 0 : head + 1;
            size--;
        }
        if (!Double.isNaN(x)) {
            while (size > 0) {
                int back = (head + size - 1) % queue.length;
                if (!pops(ring[queue[back] % window], x)) break;
                size--;
            }
            queue[(head + size) % queue.length] = today;
            size++;
        }
        if (trailing < 0) return;
        if (index < trailing) {
            // TA-Lib rescans from the window's first bar: a NaN there stays, otherwise the queue's front
            double first = ring[trailing % window];
            index = Double.isNaN(first) ? trailing : queue[head];
            value = ring[index % window];
        } else if (highest ? x >= value : x <= value) {
            index = today;
            value = x;
        }
    }

    /** The extreme of the window ending at the last bar added. */
    double value() { return value; }

    /** The bar of {@link #value()}, counted from the first bar added. */
    int index() { return index; }
}
