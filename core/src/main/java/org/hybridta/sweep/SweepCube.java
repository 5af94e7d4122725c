package org.hybridta.sweep;

import java.util.List;
import java.util.Objects;
import org.hybridta.SeriesShape;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.Output;

/**
 * A sweep's full result: symbol × parameter set × bar, for every output of the function. Storage is one array per
 * (set, output), series-major like {@link org.hybridta.IndicatorValues}: bar {@code t} of series {@code s} at
 * {@code s * barCount + t}, NaN before the output's first value and after the end of the series; doubles, or floats
 * for {@link Precision#FLOAT} (each the double result rounded once).
 */
public final class SweepCube {
    private final Sweep sweep;
    private final SeriesShape shape;
    private final int outputs;
    private final double[][] doubles;
    private final float[][] floats;

    private SweepCube(Sweep sweep, SeriesShape shape, double[][] doubles, float[][] floats) {
        this.sweep = Objects.requireNonNull(sweep, "sweep");
        this.shape = Objects.requireNonNull(shape, "shape");
        this.outputs = sweep.function().outputs().size();
        this.doubles = doubles;
        this.floats = floats;
        int arrays = doubles != null ? doubles.length : floats.length;
        if (arrays != sweep.size() * outputs) {
            throw new IllegalArgumentException(arrays + " arrays for " + sweep.size() + " sets x " + outputs + " outputs");
        }
        for (int i = 0; i < arrays; i++) {
            int n = doubles != null ? doubles[i].length : floats[i].length;
            if (n != shape.cells()) throw new IllegalArgumentException("array " + i + " has " + n + " values, expected " + shape.cells());
        }
    }

    /** Wraps an engine's arrays without copying: {@code data[set * outputs + output]}, each series-major. */
    public static SweepCube ofDoubles(Sweep sweep, SeriesShape shape, double[][] data) {
        return new SweepCube(sweep, shape, Objects.requireNonNull(data, "data"), null);
    }

    /** Like {@link #ofDoubles} for float results. */
    public static SweepCube ofFloats(Sweep sweep, SeriesShape shape, float[][] data) {
        return new SweepCube(sweep, shape, null, Objects.requireNonNull(data, "data"));
    }

    public Sweep sweep() { return sweep; }

    /** The symbols, lengths and bar count of the panel swept. */
    public SeriesShape shape() { return shape; }

    /** {@link Precision#FLOAT} if the values are stored as floats. */
    public Precision precision() { return floats != null ? Precision.FLOAT : Precision.DOUBLE; }

    /** The parameter sets: {@code sweep().size()}. */
    public int sets() { return sweep.size(); }

    /** The outputs of set {@code set}, with their column names (which include the set's parameters). */
    public List<Output> outputs(int set) { return sweep.specs().get(set).outputs(); }

    /** Number of outputs of the function. */
    public int outputCount() { return outputs; }

    /** The value of output {@code output} of set {@code set} at bar {@code t} of series {@code s}. */
    public double get(int set, int output, int s, int t) {
        int i = set * outputs + output;
        long cell = (long) s * shape.barCount() + t;
        return doubles != null ? doubles[i][(int) cell] : floats[i][(int) cell];
    }

    /** The storage of (set, output) in double precision, without copying; callers must not modify it. */
    public double[] doubles(int set, int output) {
        if (doubles == null) throw new IllegalStateException("the cube holds floats: use floats(set, output)");
        return doubles[set * outputs + output];
    }

    /** The storage of (set, output) in float precision, without copying; callers must not modify it. */
    public float[] floats(int set, int output) {
        if (floats == null) throw new IllegalStateException("the cube holds doubles: use doubles(set, output)");
        return floats[set * outputs + output];
    }

    /** Values in the cube: sets × outputs × series × bars. */
    public long values() {
        return (long) sweep.size() * outputs * shape.cells();
    }

    @Override public String toString() {
        return "SweepCube[" + sweep + ", " + shape + ", " + precision().name().toLowerCase(java.util.Locale.ROOT) + "]";
    }
}
