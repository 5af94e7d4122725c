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
        if (a.maType(2) == MaType.SMA) {
            smas(x, off, off + len, fast(a), slow(a), o);
            return;
        }
        // the slow average in place, the fast one as a step alongside: a scratch array of the series' length would
        // cost more (a fresh 8 MB array per million bars is first touched page by page)
        MovingAverage.batch(a.maType(2), slow(a), x, off, len, o);
        RealStep fast = MovingAverage.step(a.maType(2), fast(a));
        int i = off, end = off + len;
        for (; i < off + lookback; i++) fast.next(x[i]);
        for (; i < end; i++) o[i] = value(fast.next(x[i]), o[i]);
    }

    /**
     * TA-Lib's default, two SMAs, in one pass: each running total is summed and trimmed in the order of
     * {@link MovingAverage}'s SMA started at {@code off} (the fast one as its step does, from the first bar), but the
     * totals trail the input by reading it back, where the step keeps a ring.
     */
    private void smas(double[] x, int off, int end, int fastPeriod, int slowPeriod, double[] o) {
        double fastTotal = 0, slowTotal = 0;
        int i = off;
        for (; i < off + fastPeriod - 1; i++) {
            fastTotal += x[i];
            slowTotal += x[i];
        }
        for (; i < off + slowPeriod - 1; i++) {
            fastTotal += x[i];
            fastTotal -= x[i - fastPeriod + 1];
            slowTotal += x[i];
        }
        for (; i < end; i++) {
            double v = x[i];
            fastTotal += v;
            double fastSum = fastTotal;
            fastTotal -= x[i - fastPeriod + 1];
            slowTotal += v;
            double slowSum = slowTotal;
            slowTotal -= x[i - slowPeriod + 1];
            o[i] = value(fastSum / fastPeriod, slowSum / slowPeriod);
        }
    }
}
