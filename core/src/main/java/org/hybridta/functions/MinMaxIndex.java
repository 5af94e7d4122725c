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

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int period = a.integer(0);
        SlidingExtreme lo = SlidingExtreme.lowest(period), hi = SlidingExtreme.highest(period);
        double[] x = in[0], minIdx = out[0], maxIdx = out[1];
        for (int i = off, end = off + len; i < end; i++) {
            lo.add(x[i]);
            hi.add(x[i]);
            boolean ready = i - off >= period - 1;
            minIdx[i] = ready ? lo.index() : Double.NaN;
            maxIdx[i] = ready ? hi.index() : Double.NaN;
        }
    }
}
