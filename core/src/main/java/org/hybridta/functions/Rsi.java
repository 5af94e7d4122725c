package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/** TA-Lib's RSI: Wilder's smoothing of gains and losses, seeded with their means over the first {@code timeperiod} changes. */
final class Rsi extends FunctionDef {
    Rsi() {
        super(function("rsi", Group.MOMENTUM_INDICATORS, "Relative Strength Index")
                .inputReal()
                .paramPeriod(14, 2)
                .output("real"));
    }

    @Override int lookback(Args a) { return a.integer(0); }

    @Override Step step(Args a) { return unary(new State(a.integer(0))); }

    /** {@code 100 * gain / (gain + loss)}, 0 where the sum is zero (TA-Lib's {@code TA_IS_ZERO}). */
    static double value(double gain, double loss) {
        double total = gain + loss;
        return !isZero(total) ? 100.0 * (gain / total) : 0.0;
    }

    /** The streaming RSI; STOCHRSI reuses it. */
    static final class State implements RealStep {
        private final int period, keep;
        private int seen;
        private double prev, gain, loss;

        State(int period) {
            this.period = period;
            this.keep = period - 1;
        }

        @Override public double next(double v) {
            if (seen == 0) {
                seen++;
                prev = v;
                return Double.NaN;
            }
            double d = v - prev;
            prev = v;
            if (seen < period) {
                seen++;
                if (d < 0) loss -= d;
                else gain += d;
                return Double.NaN;
            }
            if (seen == period) {
                seen++;
                if (d < 0) loss -= d;
                else gain += d;
                loss /= period;
                gain /= period;
                return value(gain, loss);
            }
            loss *= keep;
            gain *= keep;
            if (d < 0) loss -= d;
            else gain += d;
            loss /= period;
            gain /= period;
            return value(gain, loss);
        }
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int period = a.integer(0);
        if (!warmUp(out, off, len, period)) return;
        double[] x = in[0], o = out[0];
        int end = off + len, i = off + 1;
        double prev = x[off], gain = 0.0, loss = 0.0;
        for (; i <= off + period; i++) {
            double v = x[i], d = v - prev;
            prev = v;
            if (d < 0) loss -= d;
            else gain += d;
        }
        loss /= period;
        gain /= period;
        o[off + period] = value(gain, loss);
        int keep = period - 1;
        for (; i < end; i++) {
            double v = x[i], d = v - prev;
            prev = v;
            loss *= keep;
            gain *= keep;
            if (d < 0) loss -= d;
            else gain += d;
            loss /= period;
            gain /= period;
            o[i] = value(gain, loss);
        }
    }
}
