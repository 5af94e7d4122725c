package org.hybridta.functions;

import static org.hybridta.functions.Declaration.MAX_PERIOD;
import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;
import org.hybridta.indicator.MaType;

/**
 * TA-Lib's STOCH: fast %K = {@code (close - lowest low) / ((highest high - lowest low) / 100)} over
 * {@code fastk_period} bars (0 on a zero range); slow %K its moving average, slow %D the moving average of slow %K,
 * each started at its input's first value as TA-Lib does.
 */
final class Stoch extends FunctionDef {
    Stoch() {
        super(function("stoch", Group.MOMENTUM_INDICATORS, "Stochastic")
                .inputPrice(Field.HIGH, Field.LOW, Field.CLOSE)
                .paramInt("fastk_period", 5, 1, MAX_PERIOD)
                .paramInt("slowk_period", 3, 1, MAX_PERIOD)
                .paramMaType("slowk_matype", MaType.SMA)
                .paramInt("slowd_period", 3, 1, MAX_PERIOD)
                .paramMaType("slowd_matype", MaType.SMA)
                .output("slowk")
                .output("slowd"));
    }

    @Override int lookback(Args a) {
        return (a.integer(0) - 1) + MovingAverage.lookback(a.maType(2), a.integer(1)) + MovingAverage.lookback(a.maType(4), a.integer(3));
    }

    /** TA-Lib's fast %K from the window's extremes. */
    static double fastK(double close, double highest, double lowest) {
        double diff = (highest - lowest) / 100.0;
        return diff != 0.0 ? (close - lowest) / diff : 0.0;
    }

    /**
     * Fast %K of the bars {@code [from, end)} into {@code out[from + period - 1 .. end)}, the values {@link FastK}
     * gives bar by bar ({@code out} must not be one of the inputs; its earlier bars are left as they are).
     */
    static void fastK(double[] high, double[] low, double[] close, int from, int end, int period, double[] out) {
        SlidingExtreme.combine(high, low, close, SlidingExtreme.Combination.FAST_K, from, period, end, out);
    }

    /** The streaming fast %K over {@code period} bars (NaN before bar period - 1); STOCHF and STOCHRSI reuse it. */
    static final class FastK {
        private final SlidingExtreme highest, lowest;
        private final int period;
        private int seen;

        FastK(int period) {
            this.period = period;
            this.highest = SlidingExtreme.highest(period);
            this.lowest = SlidingExtreme.lowest(period);
        }

        double next(double high, double low, double close) {
            highest.add(high);
            lowest.add(low);
            if (++seen < period) return Double.NaN;
            return fastK(close, highest.value(), lowest.value());
        }
    }

    @Override Step step(Args a) {
        int lbK = a.integer(0) - 1, lbSlowK = MovingAverage.lookback(a.maType(2), a.integer(1));
        FastK fastK = new FastK(a.integer(0));
        RealStep slowK = MovingAverage.step(a.maType(2), a.integer(1)), slowD = MovingAverage.step(a.maType(4), a.integer(3));
        int lookback = lookback(a);
        int[] bar = {0};
        return (in, out) -> {
            int t = bar[0]++;
            double k = fastK.next(in[0], in[1], in[2]);
            double sk = t >= lbK ? slowK.next(k) : Double.NaN;
            double sd = t >= lbK + lbSlowK ? slowD.next(sk) : Double.NaN;
            out[0] = t >= lookback ? sk : Double.NaN;
            out[1] = t >= lookback ? sd : Double.NaN;
        };
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int lbK = a.integer(0) - 1, lbSlowK = MovingAverage.lookback(a.maType(2), a.integer(1));
        int lookback = lookback(a);
        double[] outK = out[0], outD = out[1];
        if (len <= lookback) {
            warmUp(out, off, len, lookback);
            return;
        }
        // fast %K into outD as scratch, slow %K into outK, slow %D back into outD
        fastK(in[0], in[1], in[2], off, off + len, a.integer(0), outD);
        MovingAverage.batch(a.maType(2), a.integer(1), outD, off + lbK, len - lbK, outK);
        MovingAverage.batch(a.maType(4), a.integer(3), outK, off + lbK + lbSlowK, len - lbK - lbSlowK, outD);
        warmUp(out, off, len, lookback);
    }
}
