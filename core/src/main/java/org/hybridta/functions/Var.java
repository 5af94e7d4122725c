package org.hybridta.functions;

import static org.hybridta.functions.Declaration.REAL_MAX;
import static org.hybridta.functions.Declaration.REAL_MIN;
import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/**
 * TA-Lib's VAR: the population variance of the last {@code timeperiod} values ({@link RunningVariance}). TA-Lib
 * declares {@code nbdev} and ignores it.
 */
final class Var extends FunctionDef {
    Var() {
        super(function("var", Group.STATISTIC_FUNCTIONS, "Variance")
                .inputReal()
                .paramPeriod(5, 1)
                .paramReal("nbdev", 1, REAL_MIN, REAL_MAX)
                .output("real"));
    }

    @Override int lookback(Args a) { return a.integer(0) - 1; }

    @Override Step step(Args a) { return unary(new RunningVariance(a.integer(0), 0)); }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int period = a.integer(0);
        if (!warmUp(out, off, len, period - 1)) return;
        RunningVariance.batch(period, in[0], off, len, out[0]);
    }
}
