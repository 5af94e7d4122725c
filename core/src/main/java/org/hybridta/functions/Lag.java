package org.hybridta.functions;

/** The value {@code period} bars back, for the streaming form of functions that read {@code x[t - period]} (ROC, MOM ...). */
final class Lag {
    private final double[] ring;
    private int pos, seen;

    Lag(int period) {
        this.ring = new double[period];
    }

    /** Stores {@code x} and returns the value {@code period} bars before it (NaN until there is one). */
    double next(double x) {
        double then = seen < ring.length ? Double.NaN : ring[pos];
        if (seen < ring.length) seen++;
        else seen = ring.length + 1;
        ring[pos] = x;
        if (++pos == ring.length) pos = 0;
        return then;
    }

    /** Whether the last {@link #next} returned a value. */
    boolean ready() { return seen > ring.length; }
}
