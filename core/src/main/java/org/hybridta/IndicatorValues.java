package org.hybridta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outputs of a {@link org.hybridta.backend.ComputeBackend#compute compute} call: one column per
 * indicator output (named as in CSV output, e.g. {@code macd_12_26_9_signal}), each in the same
 * series-major shape as the {@link Panel} it was computed from. A value is {@code NaN} before the
 * output's first valid bar and after the end of its series.
 */
public final class IndicatorValues {
    private final SeriesShape shape;
    private final int barCount;
    private final List<String> columns;
    private final Map<String, Integer> index;
    private final double[][] data;

    private IndicatorValues(SeriesShape shape, List<String> columns, double[][] data) {
        this.shape = shape;
        this.barCount = shape.barCount();
        this.columns = List.copyOf(columns);
        this.data = data;
        this.index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (index.put(columns.get(i), i) != null) throw new IllegalArgumentException("duplicate column " + columns.get(i));
        }
    }

    /**
     * Wraps a backend's output arrays, without copying them.
     *
     * @param shape   the shape of the panel the values were computed from (symbols, lengths, bar count)
     * @param columns column names, one per array
     * @param data    series-major arrays of {@code shape.cells()} values
     */
    public static IndicatorValues of(SeriesShape shape, List<String> columns, double[][] data) {
        Objects.requireNonNull(shape, "shape");
        if (columns.size() != data.length) throw new IllegalArgumentException(columns.size() + " column names for " + data.length + " arrays");
        long cells = shape.cells();
        for (int i = 0; i < data.length; i++) {
            if (data[i].length != cells) {
                throw new IllegalArgumentException("column " + columns.get(i) + " has " + data[i].length + " values, expected " + cells);
            }
        }
        return new IndicatorValues(shape, columns, data);
    }

    /** {@code of(panel.shape(), columns, data)}: the values a backend computed from {@code panel}. */
    public static IndicatorValues of(Panel panel, List<String> columns, double[][] data) {
        return of(panel.shape(), columns, data);
    }

    public List<String> columns() { return columns; }

    /** The series' symbols, lengths and bar count: those of the panel they were computed from. */
    public SeriesShape shape() { return shape; }

    /** {@code shape().seriesCount()}. */
    public int seriesCount() { return shape.seriesCount(); }

    /** {@code shape().barCount()}. */
    public int barCount() { return barCount; }

    /** {@code shape().length(s)}. */
    public int length(int s) { return shape.length(s); }

    /** {@code shape().symbol(s)}. */
    public String symbol(int s) { return shape.symbol(s); }

    /** Position of a column in {@link #columns()}. */
    public int columnIndex(String column) {
        Integer i = index.get(column);
        if (i == null) throw new IllegalArgumentException("no column " + column + " (columns: " + String.join(", ", columns) + ")");
        return i;
    }

    public double get(int column, int s, int t) {
        return data[column][s * barCount + t];
    }

    public double get(String column, int s, int t) {
        return get(columnIndex(column), s, t);
    }

    /** A copy of one output for series {@code s}, as long as the series. */
    public double[] series(String column, int s) {
        double[] d = data[columnIndex(column)];
        return Arrays.copyOfRange(d, s * barCount, s * barCount + shape.length(s));
    }

    /** The column's own storage, series-major, without copying; callers must not modify it. */
    public double[] data(int column) {
        return data[column];
    }

    /** The values of series {@code [from, to)} as a new, smaller result (copies). */
    public IndicatorValues slice(int from, int to) {
        SeriesShape sliced = shape.slice(from, to);
        double[][] d = new double[data.length][];
        for (int c = 0; c < data.length; c++) d[c] = Arrays.copyOfRange(data[c], from * barCount, to * barCount);
        return new IndicatorValues(sliced, columns, d);
    }

    /**
     * The values without the first {@code bars[s]} bars of each series {@code s} (a pipeline's warm-up), as a new,
     * smaller result (copies): series {@code s} keeps bars {@code [bars[s], length(s))}.
     */
    public IndicatorValues dropLeading(int[] bars) {
        int n = shape.seriesCount();
        if (bars.length != n) throw new IllegalArgumentException(bars.length + " counts for " + n + " series");
        int[] kept = new int[n];
        int width = 0;
        for (int s = 0; s < n; s++) {
            Objects.checkIndex(bars[s], shape.length(s) + 1);
            kept[s] = shape.length(s) - bars[s];
            width = Math.max(width, kept[s]);
        }
        double[][] d = new double[data.length][Math.multiplyExact(n, width)];
        for (int c = 0; c < data.length; c++) {
            for (int s = 0; s < n; s++) {
                System.arraycopy(data[c], s * barCount + bars[s], d[c], s * width, kept[s]);
                Arrays.fill(d[c], s * width + kept[s], (s + 1) * width, Double.NaN);
            }
        }
        return new IndicatorValues(SeriesShape.of(shape.symbols().toArray(String[]::new), kept, width), columns, d);
    }

    @Override public String toString() {
        return "IndicatorValues[" + shape + ", columns " + new ArrayList<>(columns) + "]";
    }
}
