package org.hybridta.functions;

import static org.hybridta.functions.Declaration.MAX_PERIOD;
import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;
import org.hybridta.indicator.MaType;

/**
 * APO and PPO (TA-Lib's {@code TA_INT_PO}): a fast and a slow moving average of one type, each over the whole
 * series ({@link MovingAverage}); APO is their difference, PPO the difference in percent of the slow one (0 where
 * the slow one is zero, {@code TA_IS_ZERO}). TA-Lib swaps a slow period shorter than the fast one.
 */
abstract class PriceOscillator extends FunctionDef {
    private final boolean percent;

    PriceOscillator(String name, String description, boolean percent) {
        super(function(name, Group.MOMENTUM_INDICATORS, description)
                .inputReal()
                .paramInt("fastperiod", 12, 2, MAX_PERIOD)
                .paramInt("slowperiod", 26, 2, MAX_PERIOD)
                .paramMaType("matype", MaType.SMA)
                .output("real"));
        this.percent = percent;
    }

    private static int fast(Args a) { return Math.min(a.integer(0), a.integer(1)); }

    private static int slow(Args a) { return Math.max(a.integer(0), a.integer(1)); }

    @Override final int lookback(Args a) { return MovingAverage.lookback(a.maType(2), slow(a)); }

    private double value(double fast, double slow) {
        if (!percent) return fast - slow;
        return !isZero(slow) ? ((fast - slow) / slow) * 100.0 : 0.0;
    }

    @Override final Step step(Args a) {
        int lookback = lookback(a);
        RealStep fast = MovingAverage.step(a.maType(2), fast(a)), slow = MovingAverage.step(a.maType(2), slow(a));
        int[] bar = {0};
        return (in, out) -> {
            double f = fast.next(in[0]), s = slow.next(in[0]);
            out[0] = bar[0]++ < lookback ? Double.NaN : value(f, s);
        };
    }

    @Override final void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int lookback = lookback(a);
        double[] x = in[0], o = out[0];
        if (!warmUp(out, off, len, lookback)) return;
        // the slow average in place, the fast one as a step alongside: a scratch array of the series' length would
        // cost more (a fresh 8 MB array per million bars is first touched page by page)
        MovingAverage.batch(a.maType(2), slow(a), x, off, len, o);
        RealStep fast = MovingAverage.step(a.maType(2), fast(a));
        int i = off, end = off + len;
        for (; i < off + lookback; i++) fast.next(x[i]);
        for (; i < end; i++) o[i] = value(fast.next(x[i]), o[i]);
    }
}
