package org.hybridta.functions;

import org.hybridta.indicator.MaType;

/** TA-Lib's EMA, seeded with the SMA of the first {@code timeperiod} values. */
final class Ema extends MaFunction {
    Ema() { super(MaType.EMA, "Exponential Moving Average"); }
}
