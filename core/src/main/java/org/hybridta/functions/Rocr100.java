package org.hybridta.functions;

/** TA-Lib's ROCR100: {@code (x / x[t - period]) * 100}, 0 where the earlier value is 0. */
final class Rocr100 extends RateOfChangeFunction {
    Rocr100() { super("rocr100", "Rate of change ratio 100 scale: (price/prevPrice)*100", Form.RATIO_100); }
}
