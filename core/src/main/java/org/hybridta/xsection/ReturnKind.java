package org.hybridta.xsection;

/** How a day's return is computed from two consecutive closes. */
public enum ReturnKind {
    /** {@code ln(close_t / close_{t-1})}: additive over time; needs positive prices. */
    LOG,
    /** {@code close_t / close_{t-1} - 1}: the percentage change. */
    SIMPLE;

    /** The return from {@code previous} to {@code current}. */
    double of(double previous, double current) {
        return this == LOG ? Math.log(current / previous) : current / previous - 1;
    }

    /** The lower-case name used on the command line and in output. */
    public String text() { return name().toLowerCase(java.util.Locale.ROOT); }
}
