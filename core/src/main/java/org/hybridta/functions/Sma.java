package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;
import org.hybridta.indicator.MaType;

/** TA-Lib's SMA: the mean of the last {@code timeperiod} values; the arithmetic is {@link MovingAverage}'s. */
final class Sma extends FunctionDef {
    Sma() {
        super(function("sma", Group.OVERLAP_STUDIES, "Simple Moving Average")
                .inputReal()
                .paramPeriod(30, 2)
                .output("real"));
    }

    @Override int lookback(Args a) { return MovingAverage.lookback(MaType.SMA, a.integer(0)); }

    @Override Step step(Args a) { return unary(MovingAverage.step(MaType.SMA, a.integer(0))); }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        MovingAverage.batch(MaType.SMA, a.integer(0), in[0], off, len, out[0]);
    }
}
