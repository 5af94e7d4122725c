package org.hybridta.functions;

/** TA-Lib's APO: the fast moving average minus the slow one ({@link PriceOscillator}). */
final class Apo extends PriceOscillator {
    Apo() { super("apo", "Absolute Price Oscillator", false); }
}
