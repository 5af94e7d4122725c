package org.hybridta.functions;

import org.hybridta.indicator.MaType;

/** TA-Lib's TEMA: {@code EMA3 + (3 * EMA1 - 3 * EMA2)} of the chained EMAs. */
final class Tema extends MaFunction {
    Tema() { super(MaType.TEMA, "Triple Exponential Moving Average"); }
}
