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

    /**
     * TA-Lib's {@code TRUE_RANGE} (ATR, NATR, ULTOSC and the directional family use it too). The greatest of the three by
     * {@link Math#max}, which C2 compiles without branches (the compare-and-assign of TA-Lib's macro mispredicts on
     * price data); where that is not positive, TA-Lib's order of comparisons, {@link #trueRangeInOrder}.
     */
    static double trueRange(double high, double low, double prevClose) {
        double greatest = greatest(high, low, prevClose);
        return greatest > 0.0 ? greatest : trueRangeInOrder(high, low, prevClose);
    }

    /**
     * The greatest of the three by {@link Math#max}. It differs from {@link #trueRangeInOrder} only where a
     * difference is NaN ({@code Math.max} gives NaN, TA-Lib skips it) or where the result is a zero (-0.0 from
     * {@code -0.0 - 0.0} kept by TA-Lib, 0.0 here): where it is positive, no operand was NaN and both are the same
     * positive number.
     */
    private static double greatest(double high, double low, double prevClose) {
        return Math.max(Math.max(high - low, Math.abs(prevClose - high)), Math.abs(prevClose - low));
    }

    /** TA-Lib's {@code TRUE_RANGE} macro as written: each candidate replaces the greatest if it is greater. */
    static double trueRangeInOrder(double high, double low, double prevClose) {
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

    /**
     * Bars per block of {@link #trueRanges}: its four arrays' blocks (8 KiB) stay in the L1 cache between the passes,
     * and the passes that only touch the L1 cache are short enough for the next blocks' loads from memory to overlap
     * them (1,024 bars: 1.1-1.5 ms a million bars; 256: 0.8 ms).
     */
    private static final int BLOCK = 256;

    /**
     * True ranges of bars {@code [off + 1, off + len)} into {@code out} (not one of the inputs), {@link #trueRange}'s
     * values in passes over blocks: the previous closes copied into {@code out}, so that {@link #greatest} reads and
     * writes one index and C2 vectorises it (it does not with {@code close[i - 1]}, which might alias {@code out[i]});
     * then TA-Lib's order where that is not positive, found eight bars at a time: their product is positive only if
     * none is NaN or a zero (they are never negative; an underflow to 0 only sends those bars to the bar-by-bar check).
     */
    static void trueRanges(double[] high, double[] low, double[] close, int off, int len, double[] out) {
        for (int from = off + 1, end = off + len; from < end; from += BLOCK) {
            int to = Math.min(end, from + BLOCK), i = from;
            System.arraycopy(close, from - 1, out, from, to - from);
            for (; i < to; i++) out[i] = greatest(high[i], low[i], out[i]);
            for (i = from; i + 15 < to; i += 16) { // two products: twice the bars per branch, no more underflow
                double p = ((out[i] * out[i + 1]) * (out[i + 2] * out[i + 3])) * ((out[i + 4] * out[i + 5]) * (out[i + 6] * out[i + 7]));
                double q = ((out[i + 8] * out[i + 9]) * (out[i + 10] * out[i + 11])) * ((out[i + 12] * out[i + 13]) * (out[i + 14] * out[i + 15]));
                if (!(p > 0.0 & q > 0.0)) break;
            }
            for (; i < to; i++) {
                if (!(out[i] > 0.0)) out[i] = trueRangeInOrder(high[i], low[i], close[i - 1]);
            }
        }
    }
}
