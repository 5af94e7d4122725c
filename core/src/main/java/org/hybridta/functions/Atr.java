package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;

/** TA-Lib's ATR: Wilder's average of the true range, seeded with the mean of true ranges 1 .. period; period 1 is TRANGE. */
final class Atr extends FunctionDef {
    Atr() {
        super(function("atr", Group.VOLATILITY_INDICATORS, "Average True Range")
                .inputPrice(Field.HIGH, Field.LOW, Field.CLOSE)
                .paramPeriod(14, 1)
                .output("real"));
    }

    @Override int lookback(Args a) { return lookback(a.integer(0)); }

    private static int lookback(int period) { return Math.max(1, period); }

    /** The streaming ATR of true ranges; NATR reuses it. */
    static final class State {
        private final int period, keep;
        private int seen;
        private double prevClose, total, atr;

        State(int period) {
            this.period = period;
            this.keep = period - 1;
        }

        double next(double high, double low, double close) {
            int t = seen++;
            double prev = prevClose;
            prevClose = close;
            if (t == 0) return Double.NaN;
            double tr = Trange.trueRange(high, low, prev);
            if (period == 1) return tr;
            if (t < period) {
                total += tr;
                return Double.NaN;
            }
            if (t == period) {
                total += tr;
                atr = total / period;
                return atr;
            }
            atr *= keep;
            atr += tr;
            atr /= period;
            return atr;
        }
    }

    @Override Step step(Args a) {
        State s = new State(a.integer(0));
        return (in, out) -> out[0] = s.next(in[0], in[1], in[2]);
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        batch(a.integer(0), in, off, len, out, false);
    }

    /**
     * ATR's batch, or with {@code normalize} NATR's: each value (after period 1's true ranges) through
     * {@link Natr#normalized} in the same loop, where its division overlaps the ATR's chain of divisions as in TA-Lib.
     */
    static void batch(int period, double[][] in, int off, int len, double[][] out, boolean normalize) {
        double[] high = in[0], low = in[1], close = in[2], o = out[0];
        if (!warmUp(out, off, len, lookback(period))) return;
        if (period == 1) {
            Trange.trueRanges(high, low, close, off, len, o);
            return;
        }
        int end = off + len, i = off + 1;
        double total = 0;
        for (; i <= off + period; i++) total += Trange.trueRange(high[i], low[i], close[i - 1]);
        double atr = total / period;
        o[off + period] = normalize ? Natr.normalized(atr, close[off + period]) : atr;
        int keep = period - 1;
        for (; i < end; i++) {
            atr *= keep;
            atr += Trange.trueRange(high[i], low[i], close[i - 1]);
            atr /= period;
            o[i] = normalize ? Natr.normalized(atr, close[i]) : atr;
        }
    }
}
