package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/**
 * TA-Lib's CMO: {@code 100 * (gain - loss) / (gain + loss)} of Wilder-smoothed gains and losses, the same smoothing
 * as RSI's ({@link GainLoss}), not Chande's plain sums over the window.
 */
final class Cmo extends FunctionDef {
    Cmo() {
        super(function("cmo", Group.MOMENTUM_INDICATORS, "Chande Momentum Oscillator")
                .inputReal()
                .paramPeriod(14, 2)
                .output("real"));
    }

    @Override int lookback(Args a) { return a.integer(0); }

    @Override Step step(Args a) { return unary(new GainLoss.State(a.integer(0), true)); }

    /** {@code 100 * (gain - loss) / (gain + loss)}, 0 where the sum is zero (TA-Lib's {@code TA_IS_ZERO}). */
    static double value(double gain, double loss) {
        double total = gain + loss;
        return !isZero(total) ? 100.0 * ((gain - loss) / total) : 0.0;
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        GainLoss.batch(true, a.integer(0), in[0], off, len, out[0]);
    }
}
