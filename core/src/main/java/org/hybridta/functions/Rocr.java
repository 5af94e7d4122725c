package org.hybridta.functions;

/** TA-Lib's ROCR: {@code x / x[t - period]}, 0 where the earlier value is 0. */
final class Rocr extends RateOfChangeFunction {
    Rocr() { super("rocr", "Rate of change ratio: (price/prevPrice)", Form.RATIO); }
}
