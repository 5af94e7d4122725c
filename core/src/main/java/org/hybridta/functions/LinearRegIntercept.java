package org.hybridta.functions;

/** TA-Lib's LINEARREG_INTERCEPT: the least-squares line at the first bar of the window ({@link LinearRegFunction}). */
final class LinearRegIntercept extends LinearRegFunction {
    LinearRegIntercept() {
        super("linearreg_intercept", "Linear Regression Intercept", Reading.INTERCEPT);
    }
}
