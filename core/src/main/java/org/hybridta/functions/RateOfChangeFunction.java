package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/**
 * ROCP, ROCR and ROCR100: a value of {@code x} and {@code x[t - timeperiod]}, 0 where the earlier value is 0
 * (TA-Lib compares with {@code != 0.0}). A subclass gives {@link #value} and its batch loop over it (a loop per
 * class, so that the JIT sees one formula and vectorises the loop); the declaration and the step are here.
 */
abstract class RateOfChangeFunction extends FunctionDef {
    RateOfChangeFunction(String name, String description) {
        super(function(name, Group.MOMENTUM_INDICATORS, description)
                .inputReal()
                .paramPeriod(10, 1)
                .output("real"));
    }

    /** This bar's value from {@code now} and {@code then}, the value {@code timeperiod} bars back. */
    abstract double value(double now, double then);

    @Override final int lookback(Args a) { return a.integer(0); }

    @Override final Step step(Args a) {
        Lag lag = new Lag(a.integer(0));
        return (in, out) -> {
            double then = lag.next(in[0]);
            out[0] = lag.ready() ? value(in[0], then) : Double.NaN;
        };
    }
}
