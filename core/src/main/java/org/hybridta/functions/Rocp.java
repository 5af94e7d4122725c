package org.hybridta.functions;

/** TA-Lib's ROCP: {@code (x - x[t - period]) / x[t - period]}, 0 where the earlier value is 0. */
final class Rocp extends RateOfChangeFunction {
    Rocp() { super("rocp", "Rate of change Percentage: (price-prevPrice)/prevPrice", Form.PERCENTAGE); }
}
