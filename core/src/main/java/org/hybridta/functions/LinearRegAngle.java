package org.hybridta.functions;

/** TA-Lib's LINEARREG_ANGLE: the angle in degrees of the least-squares line's slope ({@link LinearRegFunction}). */
final class LinearRegAngle extends LinearRegFunction {
    LinearRegAngle() {
        super("linearreg_angle", "Linear Regression Angle", Reading.ANGLE);
    }
}
