package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/** TA-Lib's MIDPOINT: {@code (highest + lowest) / 2} of the last {@code timeperiod} values. */
final class Midpoint extends FunctionDef {
    Midpoint() {
        super(function("midpoint", Group.OVERLAP_STUDIES, "MidPoint over period")
                .overlap()
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
        batch(in[0], in[0], off, len, a.integer(0), out[0]);
    }

    /** MIDPOINT ({@code high == low}) and MIDPRICE over an array: the values {@link State} gives bar by bar. */
    static void batch(double[] high, double[] low, int off, int len, int period, double[] o) {
        if (!warmUp(new double[][] {o}, off, len, period - 1)) return;
        SlidingExtreme.combine(high, low, high, SlidingExtreme.Combination.MIDPOINT, off, period, off + len, o);
    }

    /** TA-Lib's midpoint of a window whose first high and low are these: NaN on the side whose first value is NaN. */
    static double midpoint(double firstHigh, double firstLow, double highest, double lowest) {
        double h = Double.isNaN(firstHigh) ? Double.NaN : highest;
        double l = Double.isNaN(firstLow) ? Double.NaN : lowest;
        return (h + l) / 2.0;
    }

    /**
     * The midpoint of the highest high and the lowest low of a window as TA-Lib's MIDPOINT and MIDPRICE find them,
     * rescanning the window at every bar (MIDPOINT passes its one series as both). Such a scan starts from the
     * window's first value and passes over later NaNs: it gives NaN when that first value is NaN, else what
     * {@link SlidingExtreme} tracks (whose own rescans start the same way but happen only when its extreme leaves).
     */
    static final class State {
        private final SlidingExtreme highest, lowest;
        private final double[] highs, lows;          // the window's values, to read its first
        private int pos, seen;

        State(int period) {
            this.highest = SlidingExtreme.highest(period);
            this.lowest = SlidingExtreme.lowest(period);
            this.highs = new double[period];
            this.lows = new double[period];
        }

        /** The midpoint of the window ending at this bar, NaN before bar {@code period - 1}. */
        double next(double high, double low) {
            highest.add(high);
            lowest.add(low);
            highs[pos] = high;
            lows[pos] = low;
            if (++pos == highs.length) pos = 0;      // now the slot of the window's first value
            if (seen < highs.length - 1) {
                seen++;
                return Double.NaN;
            }
            double h = Double.isNaN(highs[pos]) ? Double.NaN : highest.value();
            double l = Double.isNaN(lows[pos]) ? Double.NaN : lowest.value();
            return (h + l) / 2.0;
        }
    }
}
