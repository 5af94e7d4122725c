package org.hybridta.functions;

/**
 * A one-input, one-output recurrence (a moving average, a running deviation): the building block that
 * composite functions chain. {@link #next} returns {@code NaN} while warming up.
 */
interface RealStep {
    double next(double x);
}
