package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;

/** TA-Lib's MIDPRICE: {@code (highest high + lowest low) / 2} over the last {@code timeperiod} bars ({@link Midpoint.State}). */
final class Midprice extends FunctionDef {
    Midprice() {
        super(function("midprice", Group.OVERLAP_STUDIES, "Midpoint Price over period")
                .overlap()
                .inputPrice(Field.HIGH, Field.LOW)
                .paramPeriod(14, 2)
                .output("real"));
    }

    @Override int lookback(Args a) { return a.integer(0) - 1; }

    @Override Step step(Args a) {
        Midpoint.State s = new Midpoint.State(a.integer(0));
        return (in, out) -> out[0] = s.next(in[0], in[1]);
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        Midpoint.batch(in[0], in[1], off, len, a.integer(0), out[0]);
    }
}
