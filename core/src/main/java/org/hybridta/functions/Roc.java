package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/** TA-Lib's ROC: {@code ((x / x[t - period]) - 1) * 100}, 0 where the earlier value is 0. */
final class Roc extends FunctionDef {
    Roc() {
        super(function("roc", Group.MOMENTUM_INDICATORS, "Rate of change : ((price/prevPrice)-1)*100")
                .inputReal()
                .paramPeriod(10, 1)
                .output("real"));
    }

    @Override int lookback(Args a) { return a.integer(0); }

    static double value(double now, double then) {
        return then != 0.0 ? ((now / then) - 1.0) * 100.0 : 0.0;
    }

    @Override Step step(Args a) {
        Lag lag = new Lag(a.integer(0));
        return (in, out) -> {
            double then = lag.next(in[0]);
            out[0] = lag.ready() ? value(in[0], then) : Double.NaN;
        };
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int period = a.integer(0);
        if (!warmUp(out, off, len, period)) return;
        double[] x = in[0], o = out[0];
        for (int i = off + period, end = off + len; i < end; i++) o[i] = value(x[i], x[i - period]);
    }
}
