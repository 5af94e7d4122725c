package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/**
 * ROCP, ROCR and ROCR100: a ratio of {@code x} to {@code x[t - timeperiod]}, 0 where the earlier value is 0
 * (TA-Lib compares with {@code != 0.0}). The three differ in {@link Form} only.
 */
abstract class RateOfChangeFunction extends FunctionDef {
    /** TA-Lib's three formulas. */
    enum Form { PERCENTAGE, RATIO, RATIO_100 }

    private final boolean difference, times100;

    RateOfChangeFunction(String name, String description, Form form) {
        super(function(name, Group.MOMENTUM_INDICATORS, description)
                .inputReal()
                .paramPeriod(10, 1)
                .output("real"));
        this.difference = form == Form.PERCENTAGE;
        this.times100 = form == Form.RATIO_100;
    }

    @Override final int lookback(Args a) { return a.integer(0); }

    // two loop-invariant flags, not a virtual call per bar: the batch loop below serves all three functions
    private static double value(boolean difference, boolean times100, double now, double then) {
        if (then == 0.0) return 0.0;
        if (difference) return (now - then) / then;
        return times100 ? (now / then) * 100.0 : now / then;
    }

    @Override final Step step(Args a) {
        Lag lag = new Lag(a.integer(0));
        return (in, out) -> {
            double then = lag.next(in[0]);
            out[0] = lag.ready() ? value(difference, times100, in[0], then) : Double.NaN;
        };
    }

    @Override final void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int period = a.integer(0);
        if (!warmUp(out, off, len, period)) return;
        double[] x = in[0], o = out[0];
        boolean d = difference, h = times100;
        for (int i = off + period, end = off + len; i < end; i++) o[i] = value(d, h, x[i], x[i - period]);
    }
}
