package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/**
 * TA-Lib's TRIX: the one-bar rate of change ({@link Roc#value}) of an EMA of an EMA of an EMA, each seeded with the
 * mean of its input's first {@code timeperiod} values. A period of 1 is refused: TA-Lib's range allows it, but its
 * EMA lookback is then -1 and TA-Lib C fails.
 */
final class Trix extends FunctionDef {
    Trix() {
        super(function("trix", Group.MOMENTUM_INDICATORS, "1-day Rate-Of-Change (ROC) of a Triple Smooth EMA")
                .inputReal()
                .paramPeriod(30, 1)
                .output("real"));
    }

    @Override String refusal(Args a) {
        return a.integer(0) < 2 ? "timeperiod must be at least 2 (TA-Lib C's TRIX fails on 1, though its range starts at 1)" : null;
    }

    @Override int lookback(Args a) { return 3 * (a.integer(0) - 1) + 1; }

    /** The streaming TRIX, also the batch kernel's loop body. */
    static final class State implements RealStep {
        private final MovingAverage.EmaStep[] emas;
        private double previous = Double.NaN;
        private boolean seeded;

        State(int period) {
            emas = new MovingAverage.EmaStep[] {
                new MovingAverage.EmaStep(period), new MovingAverage.EmaStep(period), new MovingAverage.EmaStep(period)};
        }

        @Override public double next(double x) {
            double v = x;
            for (MovingAverage.EmaStep ema : emas) {       // each EMA takes values from its input's first one
                v = ema.next(v);
                if (!ema.ready()) return Double.NaN;
            }
            double then = previous;
            previous = v;
            if (!seeded) {
                seeded = true;
                return Double.NaN;
            }
            return Roc.value(v, then);
        }
    }

    @Override Step step(Args a) { return unary(new State(a.integer(0))); }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        State s = new State(a.integer(0));
        double[] x = in[0], o = out[0];
        for (int i = off, end = off + len; i < end; i++) o[i] = s.next(x[i]);
    }
}
