package org.hybridta.indicator;

/** Parameter checks shared by the specs; the ranges are TA-Lib's, so the reference accepts every valid spec. */
final class Params {
    /** TA-Lib's upper bound for every period. */
    static final int MAX_PERIOD = 100_000;

    private Params() {}

    static void period(String indicator, String parameter, int value, int min) {
        if (value < min || value > MAX_PERIOD) {
            throw new IllegalArgumentException(indicator + ": " + parameter + " must be in [" + min + ", " + MAX_PERIOD + "], was " + value);
        }
    }

    /** A double in the shortest form that reads back to the same value: {@code 2} for 2.0, {@code 2.5} for 2.5. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }
}
