package org.hybridta.functions;

import static org.hybridta.functions.Declaration.MAX_PERIOD;
import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;
import org.hybridta.indicator.MaType;

/**
 * TA-Lib's STOCHRSI: STOCHF's fast %K and fast %D ({@link Stoch.FastK}, a moving average) of the RSI
 * ({@link GainLoss}), the RSI taken as high, low and close; each stage starts at its input's first value.
 */
final class StochRsi extends FunctionDef {
    StochRsi() {
        super(function("stochrsi", Group.MOMENTUM_INDICATORS, "Stochastic Relative Strength Index")
                .inputReal()
                .paramPeriod(14, 2)
                .paramInt("fastk_period", 5, 1, MAX_PERIOD)
                .paramInt("fastd_period", 3, 1, MAX_PERIOD)
                .paramMaType("fastd_matype", MaType.SMA)
                .output("fastk")
                .output("fastd"));
    }

    /** The first bar of fast %K: the RSI's lookback plus fast %K's. */
    private static int firstK(Args a) { return a.integer(0) + a.integer(1) - 1; }

    @Override int lookback(Args a) { return firstK(a) + MovingAverage.lookback(a.maType(3), a.integer(2)); }

    @Override Step step(Args a) {
        int period = a.integer(0), firstK = firstK(a), lookback = lookback(a);
        GainLoss.State rsi = new GainLoss.State(period, false);
        Stoch.FastK fastK = new Stoch.FastK(a.integer(1));
        RealStep fastD = MovingAverage.step(a.maType(3), a.integer(2));
        int[] bar = {0};
        return (in, out) -> {
            int t = bar[0]++;
            double r = rsi.next(in[0]);
            double k = t >= period ? fastK.next(r, r, r) : Double.NaN;
            double d = t >= firstK ? fastD.next(k) : Double.NaN;
            out[0] = t >= lookback ? k : Double.NaN;
            out[1] = t >= lookback ? d : Double.NaN;
        };
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int period = a.integer(0), firstK = firstK(a), lookback = lookback(a);
        double[] outK = out[0], outD = out[1];
        if (len <= lookback) {
            warmUp(out, off, len, lookback);
            return;
        }
        // the RSI into outD, fast %K from it into outK, fast %D over it back into outD
        GainLoss.batch(false, period, in[0], off, len, outD);
        Stoch.fastK(outD, outD, outD, off + period, off + len, a.integer(1), outK);
        MovingAverage.batch(a.maType(3), a.integer(2), outK, off + firstK, len - firstK, outD);
        warmUp(out, off, len, lookback);
    }
}
