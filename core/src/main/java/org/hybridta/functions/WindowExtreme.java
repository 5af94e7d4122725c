package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import java.util.Locale;
import org.hybridta.indicator.Group;

/**
 * TA-Lib's MAX, MAXINDEX, MIN, MININDEX, MINMAX and MINMAXINDEX: the lowest and/or highest of the last
 * {@code timeperiod} values, or their bar indexes (from the series' first bar), tracked by {@link SlidingExtreme}
 * exactly as TA-Lib tracks them (earliest bar on ties after a rescan, NaN as TA-Lib's comparisons treat it).
 */
final class WindowExtreme extends FunctionDef {
    /** The six functions: which extremes each gives (lowest first, as MINMAX), and whether values or indexes. */
    enum Kind {
        MAX("Highest value over a specified period", false, true, false),
        MAXINDEX("Index of highest value over a specified period", false, true, true),
        MIN("Lowest value over a specified period", true, false, false),
        MININDEX("Index of lowest value over a specified period", true, false, true),
        MINMAX("Lowest and highest values over a specified period", true, true, false),
        MINMAXINDEX("Indexes of lowest and highest values over a specified period", true, true, true);

        private final String description;
        private final boolean lowest, highest, index;

        Kind(String description, boolean lowest, boolean highest, boolean index) {
            this.description = description;
            this.lowest = lowest;
            this.highest = highest;
            this.index = index;
        }
    }

    private final Kind kind;

    WindowExtreme(Kind kind) {
        super(declare(kind));
        this.kind = kind;
    }

    private static Declaration declare(Kind kind) {
        Declaration d = function(kind.name().toLowerCase(Locale.ROOT), Group.MATH_OPERATORS, kind.description)
                .inputReal()
                .paramPeriod(30, 2);
        boolean both = kind.lowest && kind.highest;
        if (kind.index) return both ? d.outputInt("minidx").outputInt("maxidx") : d.outputInt("integer");
        // values are on the input's scale (TA-Lib's overlap flag), indexes are not
        return (both ? d.output("min").output("max") : d.output("real")).overlap();
    }

    @Override int lookback(Args a) { return a.integer(0) - 1; }

    /** The trackers of the outputs, in output order. */
    private SlidingExtreme[] extremes(int period) {
        if (kind.lowest && kind.highest) return new SlidingExtreme[] {SlidingExtreme.lowest(period), SlidingExtreme.highest(period)};
        return new SlidingExtreme[] {kind.lowest ? SlidingExtreme.lowest(period) : SlidingExtreme.highest(period)};
    }

    @Override Step step(Args a) {
        SlidingExtreme[] extremes = extremes(a.integer(0));
        return (in, out) -> {
            for (SlidingExtreme e : extremes) e.add(in[0]);
            boolean ready = extremes[0].index() >= 0;
            for (int k = 0; k < extremes.length; k++) out[k] = !ready ? Double.NaN : kind.index ? extremes[k].index() : extremes[k].value();
        };
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        if (warmUp(out, off, len, lookback(a))) run(a, in, off, len, out, null);
    }

    /** The index functions' own int loop: the default would compute doubles and convert them. */
    @Override void batchInt(Args a, double[][] in, int off, int len, int[][] out) {
        if (!kind.index) {
            super.batchInt(a, in, off, len, out);
            return;
        }
        if (warmUp(out, off, len, lookback(a))) run(a, in, off, len, null, out);
    }

    /** The bars from the lookback on into {@code out}, or (indexes) into {@code ints}: the other is null. */
    private void run(Args a, double[][] in, int off, int len, double[][] out, int[][] ints) {
        int period = a.integer(0), first = off + lookback(a), end = off + len;
        double[] x = in[0];
        boolean both = kind.lowest && kind.highest;
        for (int k = 0; k < (out != null ? out.length : ints.length); k++) {
            boolean lowest = both ? k == 0 : kind.lowest;
            SlidingExtreme.Batch e = lowest ? SlidingExtreme.batchLowest(x, off, period) : SlidingExtreme.batchHighest(x, off, period);
            if (ints != null) e.indexes(first, end, ints[k], first);
            else if (kind.index) e.indexes(first, end, out[k], first);
            else e.values(first, end, out[k], first);
        }
    }
}
