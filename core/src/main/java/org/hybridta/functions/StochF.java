package org.hybridta.functions;

import static org.hybridta.functions.Declaration.MAX_PERIOD;
import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;
import org.hybridta.indicator.MaType;

/** TA-Lib's STOCHF: fast %K ({@link Stoch.FastK}) and fast %D, its moving average started at its first value. */
final class StochF extends FunctionDef {
    StochF() {
        super(function("stochf", Group.MOMENTUM_INDICATORS, "Stochastic Fast")
                .inputPrice(Field.HIGH, Field.LOW, Field.CLOSE)
                .paramInt("fastk_period", 5, 1, MAX_PERIOD)
                .paramInt("fastd_period", 3, 1, MAX_PERIOD)
                .paramMaType("fastd_matype", MaType.SMA)
                .output("fastk")
                .output("fastd"));
    }

    @Override int lookback(Args a) { return (a.integer(0) - 1) + MovingAverage.lookback(a.maType(2), a.integer(1)); }

    @Override Step step(Args a) {
        int lbK = a.integer(0) - 1, lookback = lookback(a);
        Stoch.FastK fastK = new Stoch.FastK(a.integer(0));
        RealStep fastD = MovingAverage.step(a.maType(2), a.integer(1));
        int[] bar = {0};
        return (in, out) -> {
            int t = bar[0]++;
            double k = fastK.next(in[0], in[1], in[2]);
            double d = t >= lbK ? fastD.next(k) : Double.NaN;
            out[0] = t >= lookback ? k : Double.NaN;
            out[1] = t >= lookback ? d : Double.NaN;
        };
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int lbK = a.integer(0) - 1, lookback = lookback(a);
        double[] outK = out[0], outD = out[1];
        if (len <= lookback) {
            warmUp(out, off, len, lookback);
            return;
        }
        Stoch.fastK(in[0], in[1], in[2], off, off + len, a.integer(0), outK);
        MovingAverage.batch(a.maType(2), a.integer(1), outK, off + lbK, len - lbK, outD);
        warmUp(out, off, len, lookback);
    }
}
