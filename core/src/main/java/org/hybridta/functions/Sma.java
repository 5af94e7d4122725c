package org.hybridta.functions;

import org.hybridta.indicator.MaType;

/** TA-Lib's SMA: the mean of the last {@code timeperiod} values. */
final class Sma extends MaFunction {
    Sma() { super(MaType.SMA, "Simple Moving Average"); }
}
