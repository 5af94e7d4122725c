package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;

/** TA-Lib's ADXR: the mean of this bar's {@link Adx} and the one {@code timeperiod - 1} bars back. */
final class Adxr extends FunctionDef {
    private static final Adx ADX = new Adx();

    Adxr() {
        super(function("adxr", Group.MOMENTUM_INDICATORS, "Average Directional Movement Index Rating")
                .inputPrice(Field.HIGH, Field.LOW, Field.CLOSE)
                .paramPeriod(14, 2)
                .output("real"));
    }

    @Override int lookback(Args a) { return ADX.lookback(a) + a.integer(0) - 1; }

    private static double value(double adx, double adxBack) {
        return (adx + adxBack) / 2.0;
    }

    @Override Step step(Args a) {
        Step adx = ADX.step(a);
        Lag back = new Lag(a.integer(0) - 1);
        int lookback = lookback(a);
        int[] bar = {0};
        return (in, out) -> {
            adx.update(in, out);
            double then = back.next(out[0]);
            out[0] = bar[0]++ < lookback ? Double.NaN : value(out[0], then);
        };
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int lag = a.integer(0) - 1, lookback = lookback(a);
        if (len <= lookback) {
            warmUp(out, off, len, lookback);
            return;
        }
        // ADX in place, then from the end backwards: each bar reads the ADX lag bars back before it is overwritten
        ADX.batch(a, in, off, len, out);
        double[] o = out[0];
        for (int i = off + len - 1; i >= off + lookback; i--) o[i] = value(o[i], o[i - lag]);
        warmUp(out, off, len, lookback);
    }
}
