package org.hybridta.functions;

import org.hybridta.indicator.MaType;

/** TA-Lib's DEMA: {@code 2 * EMA - EMA(EMA)}. */
final class Dema extends MaFunction {
    Dema() { super(MaType.DEMA, "Double Exponential Moving Average"); }
}
