package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/**
 * TA-Lib's MACDFIX: {@link Macd}'s arithmetic over 12 and 26 bars with TA-Lib's fixed factors 0.15 and 0.075 (not
 * {@code 2 / 13} and {@code 2 / 27}); the signal EMA's factor is {@code 2 / (signalperiod + 1)}.
 */
final class MacdFix extends FunctionDef {
    private static final int FAST = 12, SLOW = 26;
    private static final double K_FAST = 0.15, K_SLOW = 0.075;

    MacdFix() {
        super(function("macdfix", Group.MOMENTUM_INDICATORS, "Moving Average Convergence/Divergence Fix 12/26")
                .inputReal()
                .paramInt("signalperiod", 9, 1, Declaration.MAX_PERIOD)
                .output("macd")
                .output("macdsignal")
                .output("macdhist"));
    }

    private static Macd.Emas emas(Args a) { return new Macd.Emas(FAST, SLOW, K_FAST, K_SLOW, a.integer(0)); }

    @Override String refusal(Args a) { return Macd.signalRefusal("MACDFIX", a.integer(0)); }

    @Override int lookback(Args a) { return emas(a).lookback(); }

    @Override Step step(Args a) { return Macd.step(emas(a)); }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) { Macd.batch(emas(a), in[0], off, len, out); }
}
