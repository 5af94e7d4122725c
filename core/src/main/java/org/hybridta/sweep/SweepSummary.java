package org.hybridta.sweep;

import java.util.List;
import java.util.Objects;
import org.hybridta.SeriesShape;
import org.hybridta.backend.Precision;

/**
 * A reduced sweep: for every series, parameter set and output, the {@link Reduction.Stat numbers} of one pass over the
 * bars of the range ({@link Reduction}). All {@link Reduction.Stat stats} are computed; {@link #reductions()} says
 * which were asked for (and the levels of counts and crossings).
 */
public final class SweepSummary {
    /** Numbers per output series. */
    public static final int STATS = Reduction.Stat.values().length;

    private final Sweep sweep;
    private final SeriesShape shape;
    private final int[] from;
    private final List<Reduction> reductions;
    private final Precision precision;
    private final double[] values;
    private final int outputs;

    private SweepSummary(Sweep sweep, SeriesShape shape, int[] from, List<Reduction> reductions, Precision precision, double[] values) {
        this.sweep = Objects.requireNonNull(sweep, "sweep");
        this.shape = Objects.requireNonNull(shape, "shape");
        this.from = from.clone();
        this.reductions = List.copyOf(reductions);
        this.precision = Objects.requireNonNull(precision, "precision");
        this.values = values;
        this.outputs = sweep.function().outputs().size();
        long expected = (long) sweep.size() * outputs * shape.seriesCount() * STATS;
        if (values.length != expected) throw new IllegalArgumentException(values.length + " values, expected " + expected);
    }

    /**
     * Wraps an engine's numbers without copying: the stats of (set, output, series) at
     * {@code ((set * outputs + output) * seriesCount + series) * STATS}, in {@link Reduction.Stat} order.
     */
    public static SweepSummary of(Sweep sweep, SeriesShape shape, int[] from, List<Reduction> reductions, Precision precision, double[] values) {
        return new SweepSummary(sweep, shape, from, reductions, precision, values);
    }

    public Sweep sweep() { return sweep; }

    public SeriesShape shape() { return shape; }

    /** Per series, the first bar of the range (the bars before it were warm-up). */
    public int from(int s) { return from[s]; }

    /** The reductions asked for. */
    public List<Reduction> reductions() { return reductions; }

    /** The precision the outputs were computed in (reductions of float outputs read the floats). */
    public Precision precision() { return precision; }

    /** One number of (set, output, series). */
    public double get(int set, int output, int s, Reduction.Stat stat) {
        return values[(int) ((((long) set * outputs + output) * shape.seriesCount() + s) * STATS + stat.ordinal())];
    }

    /** The numbers, laid out as {@link #of} says; callers must not modify them. */
    public double[] data() { return values; }
}
