package org.hybridta.functions;

import org.hybridta.indicator.MaType;

/** TA-Lib's WMA: weights 1 .. {@code timeperiod}, the newest value heaviest. */
final class Wma extends MaFunction {
    Wma() { super(MaType.WMA, "Weighted Moving Average"); }
}
