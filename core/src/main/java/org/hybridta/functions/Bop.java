package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;

/** TA-Lib's BOP: {@code (close - open) / (high - low)}, 0 where the range is zero or negative ({@code TA_IS_ZERO_OR_NEG}). */
final class Bop extends FunctionDef {
    Bop() {
        super(function("bop", Group.MOMENTUM_INDICATORS, "Balance Of Power")
                .inputPrice(Field.OPEN, Field.HIGH, Field.LOW, Field.CLOSE)
                .output("real"));
    }

    @Override int lookback(Args a) { return 0; }

    static double value(double open, double high, double low, double close) {
        double range = high - low;
        return range < EPSILON ? 0.0 : (close - open) / range;
    }

    @Override Step step(Args a) {
        return (in, out) -> out[0] = value(in[0], in[1], in[2], in[3]);
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        double[] open = in[0], high = in[1], low = in[2], close = in[3], o = out[0];
        for (int i = off, end = off + len; i < end; i++) o[i] = value(open[i], high[i], low[i], close[i]);
    }
}
