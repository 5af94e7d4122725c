package org.hybridta.functions;

/** TA-Lib's PPO: the fast moving average minus the slow one, in percent of the slow one ({@link PriceOscillator}). */
final class Ppo extends PriceOscillator {
    Ppo() { super("ppo", "Percentage Price Oscillator", true); }
}
