package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;

/**
 * PLUS_DM, MINUS_DM, PLUS_DI, MINUS_DI, DX and ADX: each reads the shared {@link Directional} state and turns it
 * into its value. A subclass gives its lookback and {@link #value}; the step and the batch loop are here.
 */
abstract class DirectionalFunction extends FunctionDef {
    private final Directional.Sums reads;

    /** @param sums the sums {@link #value} reads; with the range, the function reads the closes */
    DirectionalFunction(String name, String description, Directional.Sums sums, int defaultPeriod, int minPeriod) {
        super(sums.range
                ? function(name, Group.MOMENTUM_INDICATORS, description).inputPrice(Field.HIGH, Field.LOW, Field.CLOSE)
                        .paramPeriod(defaultPeriod, minPeriod).output("real")
                : function(name, Group.MOMENTUM_INDICATORS, description).inputPrice(Field.HIGH, Field.LOW)
                        .paramPeriod(defaultPeriod, minPeriod).output("real"));
        this.reads = sums;
    }

    /**
     * This bar's value given the state after bar {@code t} ({@code t >= period - 1}; discarded before the lookback)
     * and the previous value (NaN up to the first); {@code sums} carries a function's own running values between bars.
     */
    abstract double value(Directional d, int period, int t, double previous, double[] sums);

    @Override final Step step(Args a) {
        int period = a.integer(0), lookback = lookback(a);
        boolean close = reads.range;
        Directional d = new Directional(period, reads);
        double[] previous = {Double.NaN}, sums = new double[2];
        return (in, out) -> {
            int t = d.add(in[0], in[1], close ? in[2] : Double.NaN);
            if (t < period - 1) {
                out[0] = Double.NaN;
                return;
            }
            double v = value(d, period, t, previous[0], sums);
            out[0] = t < lookback ? Double.NaN : (previous[0] = v);
        };
    }

    @Override final void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int period = a.integer(0), lookback = lookback(a);
        double[] high = in[0], low = in[1], close = reads.range ? in[2] : null, o = out[0], sums = new double[2];
        Directional d = new Directional(period, reads);
        double previous = Double.NaN;
        for (int i = off, end = off + len; i < end; i++) {
            int t = d.add(high[i], low[i], close == null ? Double.NaN : close[i]);
            if (t < period - 1) {
                o[i] = Double.NaN;
                continue;
            }
            // one call of value, from the bar where the sums are complete (ADX sums its seeding DXs before its
            // lookback): C2 inlines it where this kernel sees one or two functions, and d then lives in registers
            double v = value(d, period, t, previous, sums);
            o[i] = t < lookback ? Double.NaN : (previous = v);
        }
    }
}
