package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;
import org.hybridta.indicator.MaType;

/**
 * A moving average that is a TA-Lib function of its own with one period (SMA, EMA, WMA, DEMA, TEMA, TRIMA, KAMA):
 * metadata and delegation to {@link MovingAverage}, which holds the arithmetic.
 */
abstract class MaFunction extends FunctionDef {
    private final MaType type;

    MaFunction(MaType type, String description) {
        super(function(type.text(), Group.OVERLAP_STUDIES, description)
                .overlap()
                .inputReal()
                .paramPeriod(30, 2)
                .output("real"));
        this.type = type;
    }

    @Override final int lookback(Args a) { return MovingAverage.lookback(type, a.integer(0)); }

    @Override final Step step(Args a) { return unary(MovingAverage.step(type, a.integer(0))); }

    @Override final void batch(Args a, double[][] in, int off, int len, double[][] out) {
        MovingAverage.batch(type, a.integer(0), in[0], off, len, out[0]);
    }
}
