package org.hybridta.functions;

/** TA-Lib's LINEARREG_SLOPE: the slope per bar of the least-squares line ({@link LinearRegFunction}). */
final class LinearRegSlope extends LinearRegFunction {
    LinearRegSlope() {
        super("linearreg_slope", "Linear Regression Slope", Reading.SLOPE);
    }
}
