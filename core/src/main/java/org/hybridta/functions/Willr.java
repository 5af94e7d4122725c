package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;

/** TA-Lib's WILLR: {@code (highest high - close) / ((highest high - lowest low) / -100)} over the window, 0 on a zero range. */
final class Willr extends FunctionDef {
    Willr() {
        super(function("willr", Group.MOMENTUM_INDICATORS, "Williams' %R")
                .inputPrice(Field.HIGH, Field.LOW, Field.CLOSE)
                .paramPeriod(14, 2)
                .output("real"));
    }

    @Override int lookback(Args a) { return a.integer(0) - 1; }

    @Override Step step(Args a) {
        int period = a.integer(0);
        SlidingExtreme highest = SlidingExtreme.highest(period), lowest = SlidingExtreme.lowest(period);
        int[] bar = {0};
        return (in, out) -> out[0] = next(highest, lowest, in[0], in[1], in[2], ++bar[0] >= period);
    }

    private static double next(SlidingExtreme highest, SlidingExtreme lowest, double high, double low, double close, boolean ready) {
        highest.add(high);
        lowest.add(low);
        return ready ? willr(highest.value(), lowest.value(), close) : Double.NaN;
    }

    /** %R from the window's highest high and lowest low, TA-Lib's arithmetic. */
    static double willr(double hh, double ll, double close) {
        double diff = (hh - ll) / (-100.0);
        return diff != 0.0 ? (hh - close) / diff : 0.0;
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int period = a.integer(0);
        if (!warmUp(out, off, len, period - 1)) return;
        double[] high = in[0], low = in[1], close = in[2], o = out[0];
        SlidingExtreme.combine(high, low, close, SlidingExtreme.Combination.WILLR, off, period, off + len, o);
    }
}
