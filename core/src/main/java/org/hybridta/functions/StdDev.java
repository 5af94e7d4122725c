package org.hybridta.functions;

import static org.hybridta.functions.Declaration.REAL_MAX;
import static org.hybridta.functions.Declaration.REAL_MIN;
import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/**
 * TA-Lib's STDDEV: {@code nbdev} population standard deviations of the last {@code timeperiod} values, the square
 * root of {@link RunningVariance}'s variance (0 where TA-Lib deems the variance zero or negative).
 */
final class StdDev extends FunctionDef {
    StdDev() {
        super(function("stddev", Group.STATISTIC_FUNCTIONS, "Standard Deviation")
                .inputReal()
                .paramPeriod(5, 2)
                .paramReal("nbdev", 1, REAL_MIN, REAL_MAX)
                .output("real"));
    }

    @Override int lookback(Args a) { return a.integer(0) - 1; }

    @Override Step step(Args a) {
        RunningVariance variance = new RunningVariance(a.integer(0), 0);
        double nbdev = a.real(1);
        return unary(x -> scaled(variance.next(x), nbdev));
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int period = a.integer(0);
        double nbdev = a.real(1);
        double[] o = out[0];
        if (!warmUp(out, off, len, period - 1)) return;
        RunningVariance.batch(period, in[0], off, len, o);
        for (int i = off + period - 1, end = off + len; i < end; i++) o[i] = scaled(o[i], nbdev);
    }

    // TA-Lib writes a plain 0 for a zero deviation, not 0 * nbdev (which is -0 for a negative nbdev)
    private static double scaled(double variance, double nbdev) {
        double sd = RunningVariance.deviation(variance);
        return sd == 0.0 ? 0.0 : sd * nbdev;
    }
}
