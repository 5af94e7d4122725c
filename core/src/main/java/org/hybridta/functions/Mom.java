package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/** TA-Lib's MOM: {@code x - x[t - period]}. */
final class Mom extends FunctionDef {
    Mom() {
        super(function("mom", Group.MOMENTUM_INDICATORS, "Momentum")
                .inputReal()
                .paramPeriod(10, 1)
                .output("real"));
    }

    @Override int lookback(Args a) { return a.integer(0); }

    @Override Step step(Args a) {
        Lag lag = new Lag(a.integer(0));
        return (in, out) -> {
            double then = lag.next(in[0]);
            out[0] = lag.ready() ? in[0] - then : Double.NaN;
        };
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int period = a.integer(0);
        if (!warmUp(out, off, len, period)) return;
        double[] x = in[0], o = out[0];
        for (int i = off + period, end = off + len; i < end; i++) o[i] = x[i] - x[i - period];
    }
}
