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

    private static double willr(double hh, double ll, double close) {
        double diff = (hh - ll) / (-100.0);
        return diff != 0.0 ? (hh - close) / diff : 0.0;
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int period = a.integer(0);
        if (!warmUp(out, off, len, period - 1)) return;
        double[] high = in[0], low = in[1], close = in[2], o = out[0];
        SlidingExtreme.Batch highest = SlidingExtreme.batchHighest(high, off, period), lowest = SlidingExtreme.batchLowest(low, off, period);
        double[] hh = new double[SlidingExtreme.CHUNK], ll = new double[SlidingExtreme.CHUNK];
        for (int t = off + period - 1, end = off + len; t < end; t += SlidingExtreme.CHUNK) {
            int m = Math.min(SlidingExtreme.CHUNK, end - t);
            highest.values(t, t + m, hh, 0);
            lowest.values(t, t + m, ll, 0);
            for (int k = 0; k < m; k++) o[t + k] = willr(hh[k], ll[k], close[t + k]);
        }
    }
}
