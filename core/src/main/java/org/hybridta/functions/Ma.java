package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;
import org.hybridta.indicator.MaType;

/** TA-Lib's MA: the moving average of any type ({@link MovingAverage}); a period of 1 copies the input. */
final class Ma extends FunctionDef {
    Ma() {
        super(function("ma", Group.OVERLAP_STUDIES, "Moving average")
                .overlap()
                .inputReal()
                .paramPeriod(30, 1)
                .paramMaType("matype", MaType.SMA)
                .output("real"));
    }

    @Override int lookback(Args a) { return MovingAverage.lookback(a.maType(1), a.integer(0)); }

    @Override String refusal(Args a) { return MovingAverage.refusal(a.maType(1), a.integer(0), "timeperiod"); }

    @Override Step step(Args a) { return unary(MovingAverage.step(a.maType(1), a.integer(0))); }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        MovingAverage.batch(a.maType(1), a.integer(0), in[0], off, len, out[0]);
    }
}
