package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/** TA-Lib's MINMAXINDEX: the bar indexes (from the series' first bar) of the lowest and highest of the last {@code timeperiod} values. */
final class MinMaxIndex extends FunctionDef {
    MinMaxIndex() {
        super(function("minmaxindex", Group.MATH_OPERATORS, "Indexes of lowest and highest values over a specified period")
                .inputReal()
                .paramPeriod(30, 2)
                .outputInt("minidx")
                .outputInt("maxidx"));
    }

    @Override int lookback(Args a) { return a.integer(0) - 1; }

    @Override Step step(Args a) {
        int period = a.integer(0);
        SlidingExtreme lo = SlidingExtreme.lowest(period), hi = SlidingExtreme.highest(period);
        return (in, out) -> {
            lo.add(in[0]);
            hi.add(in[0]);
            boolean ready = hi.index() >= 0;
            out[0] = ready ? lo.index() : Double.NaN;
            out[1] = ready ? hi.index() : Double.NaN;
        };
    }
}
