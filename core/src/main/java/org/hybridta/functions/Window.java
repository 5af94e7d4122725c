package org.hybridta.functions;

/**
 * The last {@code n} values of a stream, kept contiguous so that a kernel written for an array window
 * {@code x[t - n + 1 .. t]} reads a step's window with the same code in the same order: each value is stored twice
 * in a ring of {@code 2n}, so the window always lies at {@code values()[last() - n + 1 .. last()]}. For functions that
 * recompute each window from scratch as TA-Lib does (AVGDEV, LINEARREG ...).
 */
final class Window {
    private final double[] values;
    private final int n;
    private int pos, seen, last;

    Window(int n) {
        this.n = n;
        this.values = new double[2 * n];
    }

    /** Adds the next value; true once the window holds {@code n} values. */
    boolean add(double x) {
        values[pos] = x;
        values[pos + n] = x;
        last = pos + n;
        if (++pos == n) pos = 0;
        if (seen < n) seen++;
        return seen == n;
    }

    /** The array holding the window (read only). */
    double[] values() { return values; }

    /** The index of the latest value in {@link #values()}. */
    int last() { return last; }
}
