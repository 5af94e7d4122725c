package org.hybridta.functions;

/** TA-Lib's LINEARREG: the least-squares line through the last {@code timeperiod} values, at the latest bar ({@link LinearRegFunction}). */
final class LinearReg extends LinearRegFunction {
    LinearReg() {
        super("linearreg", "Linear Regression", Reading.VALUE);
    }
}
