package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/** TA-Lib's RSI: Wilder's smoothing of gains and losses ({@link GainLoss}), seeded with their means over the first {@code timeperiod} changes. */
final class Rsi extends FunctionDef {
    Rsi() {
        super(function("rsi", Group.MOMENTUM_INDICATORS, "Relative Strength Index")
                .inputReal()
                .paramPeriod(14, 2)
                .output("real"));
    }

    @Override int lookback(Args a) { return a.integer(0); }

    @Override Step step(Args a) { return unary(new GainLoss.State(a.integer(0), false)); }

    /** {@code 100 * gain / (gain + loss)}, 0 where the sum is zero (TA-Lib's {@code TA_IS_ZERO}). */
    static double value(double gain, double loss) {
        double total = gain + loss;
        return !isZero(total) ? 100.0 * (gain / total) : 0.0;
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        GainLoss.batch(false, a.integer(0), in[0], off, len, out[0]);
    }
}
