package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;

/**
 * TA-Lib's NATR: the {@link Atr ATR} as a percentage of the close, {@code (atr / close) * 100}, and 0 where the
 * close is zero ({@code TA_IS_ZERO}). Over 1 bar it is TA-Lib's: the true range itself, in
 * price units, not a percentage (ta_NATR.c returns TRANGE there; matched, not corrected). Where a close after the first value is zero, TA-Lib zeroes its first value instead and leaves
 * that bar unwritten (a slip in ta_NATR.c): here that bar is 0 and the first value stays.
 */
final class Natr extends FunctionDef {
    private static final Atr ATR = new Atr();

    Natr() {
        super(function("natr", Group.VOLATILITY_INDICATORS, "Normalized Average True Range")
                .inputPrice(Field.HIGH, Field.LOW, Field.CLOSE)
                .paramPeriod(14, 1)
                .output("real"));
    }

    @Override int lookback(Args a) { return ATR.lookback(a); }

    /** TA-Lib's normalisation of one ATR value by its bar's close. */
    static double normalized(double atr, double close) {
        return isZero(close) ? 0.0 : (atr / close) * 100.0;
    }

    @Override Step step(Args a) {
        int lookback = lookback(a);
        boolean normalize = a.integer(0) > 1;
        Atr.State atr = new Atr.State(a.integer(0));
        int[] bar = {0};
        return (in, out) -> {
            double v = atr.next(in[0], in[1], in[2]);
            out[0] = bar[0]++ < lookback ? Double.NaN : normalize ? normalized(v, in[2]) : v;
        };
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        Atr.batch(a.integer(0), in, off, len, out, true);
    }
}
