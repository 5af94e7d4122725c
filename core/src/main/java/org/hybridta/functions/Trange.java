package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;

/** TA-Lib's TRANGE: the greatest of high - low, |previous close - high| and |previous close - low|. */
final class Trange extends FunctionDef {
    Trange() {
        super(function("trange", Group.VOLATILITY_INDICATORS, "True Range")
                .inputPrice(Field.HIGH, Field.LOW, Field.CLOSE)
                .output("real"));
    }

    /** TA-Lib's {@code TRUE_RANGE}, with its order of comparisons (ATR, NATR and the directional family use it too). */
    static double trueRange(double high, double low, double prevClose) {
        double greatest = high - low;
        double v = Math.abs(prevClose - high);
        if (v > greatest) greatest = v;
        v = Math.abs(prevClose - low);
        if (v > greatest) greatest = v;
        return greatest;
    }

    @Override int lookback(Args a) { return 1; }

    @Override Step step(Args a) {
        double[] prevClose = {Double.NaN};
        boolean[] first = {true};
        return (in, out) -> {
            out[0] = first[0] ? Double.NaN : trueRange(in[0], in[1], prevClose[0]);
            first[0] = false;
            prevClose[0] = in[2];
        };
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        if (!warmUp(out, off, len, 1)) return;
        trueRanges(in[0], in[1], in[2], off, len, out[0]);
    }

    /** True ranges of bars {@code [off + 1, off + len)} into {@code out}. */
    static void trueRanges(double[] high, double[] low, double[] close, int off, int len, double[] out) {
        for (int i = off + 1, end = off + len; i < end; i++) out[i] = trueRange(high[i], low[i], close[i - 1]);
    }
}
