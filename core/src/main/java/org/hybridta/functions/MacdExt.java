package org.hybridta.functions;

import static org.hybridta.functions.Declaration.MAX_PERIOD;
import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;
import org.hybridta.indicator.MaType;

/**
 * TA-Lib's MACDEXT: a fast minus a slow moving average, each of its own type ({@link MovingAverage}), the signal a
 * moving average of that line, the histogram their difference. TA-Lib swaps the periods (and their types) when the
 * slow one is shorter, and starts both averages so that they first have a value at the later of their lookbacks:
 * the average with the shorter lookback starts that many bars after the first bar (an EMA is seeded there).
 */
final class MacdExt extends FunctionDef {
    MacdExt() {
        super(function("macdext", Group.MOMENTUM_INDICATORS, "MACD with controllable MA type")
                .inputReal()
                .paramInt("fastperiod", 12, 2, MAX_PERIOD)
                .paramMaType("fastmatype", MaType.SMA)
                .paramInt("slowperiod", 26, 2, MAX_PERIOD)
                .paramMaType("slowmatype", MaType.SMA)
                .paramInt("signalperiod", 9, 1, MAX_PERIOD)
                .paramMaType("signalmatype", MaType.SMA)
                .output("macd")
                .output("macdsignal")
                .output("macdhist"));
    }

    /** The averages after TA-Lib's swap, the bar each starts at, and the bar the line starts at. */
    private record Plan(MaType fastType, int fast, MaType slowType, int slow, MaType signalType, int signal,
                        int fastStart, int slowStart, int line, int lookback) {
        static Plan of(Args a) {
            int fast = a.integer(0), slow = a.integer(2);
            MaType fastType = a.maType(1), slowType = a.maType(3);
            if (slow < fast) {
                int p = slow;
                slow = fast;
                fast = p;
                MaType t = slowType;
                slowType = fastType;
                fastType = t;
            }
            int lbFast = MovingAverage.lookback(fastType, fast), lbSlow = MovingAverage.lookback(slowType, slow);
            int line = Math.max(lbFast, lbSlow);
            int lookback = line + MovingAverage.lookback(a.maType(5), a.integer(4));
            return new Plan(fastType, fast, slowType, slow, a.maType(5), a.integer(4), line - lbFast, line - lbSlow, line, lookback);
        }
    }

    @Override int lookback(Args a) { return Plan.of(a).lookback(); }

    @Override Step step(Args a) {
        Plan p = Plan.of(a);
        RealStep fast = MovingAverage.step(p.fastType(), p.fast()), slow = MovingAverage.step(p.slowType(), p.slow());
        RealStep signal = MovingAverage.step(p.signalType(), p.signal());
        int[] bar = {0};
        return (in, out) -> {
            int t = bar[0]++;
            double f = t >= p.fastStart() ? fast.next(in[0]) : Double.NaN;
            double s = t >= p.slowStart() ? slow.next(in[0]) : Double.NaN;
            double macd = f - s;
            double sig = t >= p.line() ? signal.next(macd) : Double.NaN;
            if (t < p.lookback()) {
                out[0] = out[1] = out[2] = Double.NaN;
                return;
            }
            out[0] = macd;
            out[1] = sig;
            out[2] = macd - sig;
        };
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        Plan p = Plan.of(a);
        double[] x = in[0], line = out[0], sig = out[1], hist = out[2];
        if (len <= p.lookback()) {
            warmUp(out, off, len, p.lookback());
            return;
        }
        // the slow average into the line, the fast one into the histogram, their difference into the line
        MovingAverage.batch(p.slowType(), p.slow(), x, off + p.slowStart(), len - p.slowStart(), line);
        MovingAverage.batch(p.fastType(), p.fast(), x, off + p.fastStart(), len - p.fastStart(), hist);
        int end = off + len;
        for (int i = off + p.line(); i < end; i++) line[i] = hist[i] - line[i];
        MovingAverage.batch(p.signalType(), p.signal(), line, off + p.line(), len - p.line(), sig);
        for (int i = off + p.lookback(); i < end; i++) hist[i] = line[i] - sig[i];
        warmUp(out, off, len, p.lookback());
    }
}
