package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;

/**
 * PLUS_DM, MINUS_DM, PLUS_DI, MINUS_DI, DX and ADX: a subclass gives its lookback and {@link #run}, one of
 * {@link Directional}'s loops; the batch runs it over the bars, the step over one bar.
 */
abstract class DirectionalFunction extends FunctionDef {
    private final boolean closes;

    /** @param closes whether the function reads the closes (for the true range) */
    DirectionalFunction(String name, String description, boolean closes, int defaultPeriod, int minPeriod) {
        super(closes
                ? function(name, Group.MOMENTUM_INDICATORS, description).inputPrice(Field.HIGH, Field.LOW, Field.CLOSE)
                        .paramPeriod(defaultPeriod, minPeriod).output("real")
                : function(name, Group.MOMENTUM_INDICATORS, description).inputPrice(Field.HIGH, Field.LOW)
                        .paramPeriod(defaultPeriod, minPeriod).output("real"));
        this.closes = closes;
    }

    /** This function's values of bars {@code [from, to)} into {@code out}, continuing {@code d}; NaN before its lookback. */
    abstract void run(Directional d, double[] high, double[] low, double[] close, int from, int to, double[] out);

    @Override final Step step(Args a) {
        Directional d = new Directional(a.integer(0));
        double[] high = new double[1], low = new double[1], close = new double[1];
        return (in, out) -> {
            high[0] = in[0];
            low[0] = in[1];
            if (closes) close[0] = in[2];
            run(d, high, low, close, 0, 1, out);
        };
    }

    @Override final void batch(Args a, double[][] in, int off, int len, double[][] out) {
        run(new Directional(a.integer(0)), in[0], in[1], closes ? in[2] : null, off, off + len, out[0]);
    }
}
