package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/** TA-Lib's MIDPOINT: {@code (highest + lowest) / 2} of the last {@code timeperiod} values. */
final class Midpoint extends FunctionDef {
    Midpoint() {
        super(function("midpoint", Group.OVERLAP_STUDIES, "MidPoint over period")
                .inputReal()
                .paramPeriod(14, 2)
                .output("real"));
    }

    @Override int lookback(Args a) { return a.integer(0) - 1; }

    @Override Step step(Args a) {
        State s = new State(a.integer(0));
        return (in, out) -> out[0] = s.next(in[0], in[0]);
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        State s = new State(a.integer(0));
        double[] x = in[0], o = out[0];
        for (int i = off, end = off + len; i < end; i++) o[i] = s.next(x[i], x[i]);
    }

    /**
     * The midpoint of the highest high and the lowest low of a window, as TA-Lib's MIDPOINT and MIDPRICE rescan
     * it at every bar ({@link SlidingExtreme#rescanned()}); MIDPOINT passes its one series as both.
     */
    static final class State {
        private final SlidingExtreme highest, lowest;
        private final int period;
        private int seen;

        State(int period) {
            this.period = period;
            this.highest = SlidingExtreme.highest(period);
            this.lowest = SlidingExtreme.lowest(period);
        }

        /** The midpoint of the window ending at this bar, NaN before bar {@code period - 1}. */
        double next(double high, double low) {
            highest.add(high);
            lowest.add(low);
            if (seen < period - 1) {
                seen++;
                return Double.NaN;
            }
            return (highest.rescanned() + lowest.rescanned()) / 2.0;
        }
    }
}
