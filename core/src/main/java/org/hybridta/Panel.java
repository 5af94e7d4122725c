package org.hybridta;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Many series in one rectangular block per field, the unit a {@link org.hybridta.backend.ComputeBackend}
 * computes in one call.
 *
 * <p>Layout: series-major, {@code data(field)[s * barCount() + t]} is bar {@code t} of series {@code s}.
 * Series may differ in length: series {@code s} occupies bars {@code [0, length(s))} and the cells after
 * it hold {@code NaN}. Bar {@code t} is the series' own {@code t}-th trading day, so series that share
 * an exchange calendar and a start date line up date for date; series from different calendars are
 * never given invented bars (which would change their indicator values).
 *
 * <p>A panel holds only the fields it was given; an indicator that needs a missing field is refused by
 * the backend with a message naming the field.
 */
public final class Panel {
    private final SeriesShape shape;
    private final EnumMap<Field, double[]> data;

    private Panel(SeriesShape shape, EnumMap<Field, double[]> data) {
        this.shape = shape;
        this.data = data;
    }

    /** A panel of all fields of the given series, in the given order. */
    public static Panel of(List<BarSeries> series) {
        Objects.requireNonNull(series, "series");
        int n = series.size();
        int bars = 0;
        for (BarSeries s : series) bars = Math.max(bars, s.size());
        Builder b = builder(n, bars);
        String[] symbols = new String[n];
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) {
            symbols[i] = series.get(i).symbol();
            lengths[i] = series.get(i).size();
        }
        b.symbols(symbols).lengths(lengths);
        for (Field f : Field.values()) {
            double[] block = new double[checkedCells(n, bars)];
            Arrays.fill(block, Double.NaN);
            for (int i = 0; i < n; i++) series.get(i).copyTo(f, block, i * bars);
            b.field(f, block);
        }
        return b.build();
    }

    /** A panel of one series. */
    public static Panel of(BarSeries series) {
        return of(List.of(series));
    }

    /** Builds a panel from series-major arrays, for callers that already hold their data in that layout. */
    public static Builder builder(int seriesCount, int barCount) {
        return new Builder(seriesCount, barCount);
    }

    static int checkedCells(int seriesCount, int barCount) {
        long cells = (long) seriesCount * barCount;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("panel of " + seriesCount + " series x " + barCount + " bars has " + cells
                    + " cells, more than one Java array holds (" + (Integer.MAX_VALUE - 8) + "); split it into several panels");
        }
        return (int) cells;
    }

    /** The series' symbols, lengths and bar count. */
    public SeriesShape shape() { return shape; }

    /** {@code shape().seriesCount()}. */
    public int seriesCount() { return shape.seriesCount(); }

    /** Bars per series slot: the length of the longest series ({@code shape().barCount()}). */
    public int barCount() { return shape.barCount(); }

    /** Number of bars of series {@code s} ({@code shape().length(s)}). */
    public int length(int s) { return shape.length(s); }

    /** {@code shape().symbol(s)}. */
    public String symbol(int s) { return shape.symbol(s); }

    public Set<Field> fields() { return Collections.unmodifiableSet(data.keySet()); }

    public boolean has(Field field) { return data.containsKey(field); }

    public double get(Field field, int s, int t) {
        return data(field)[s * shape.barCount() + t];
    }

    /** A copy of bars {@code [0, length(s))} of series {@code s}. */
    public double[] series(Field field, int s) {
        int from = s * shape.barCount();
        return Arrays.copyOfRange(data(field), from, from + shape.length(s));
    }

    /**
     * The panel's own storage of {@code field}, series-major, returned without copying so that backends
     * can read many gigabytes without doubling them. Callers must not modify it.
     *
     * @throws IllegalArgumentException if the panel has no such field
     */
    public double[] data(Field field) {
        double[] d = data.get(field);
        if (d == null) throw new IllegalArgumentException("the panel has no " + field.columnName() + " values (it holds " + fieldNames() + ")");
        return d;
    }

    private String fieldNames() {
        StringBuilder sb = new StringBuilder();
        for (Field f : data.keySet()) sb.append(sb.length() == 0 ? "" : ", ").append(f.columnName());
        return sb.length() == 0 ? "no fields" : sb.toString();
    }

    @Override public String toString() {
        return "Panel[" + shape + ", " + fieldNames() + "]";
    }

    /** Builder for {@link Panel#builder(int, int)}. */
    public static final class Builder {
        private final int seriesCount, barCount;
        private String[] symbols;
        private int[] lengths;
        private final EnumMap<Field, double[]> data = new EnumMap<>(Field.class);

        private Builder(int seriesCount, int barCount) {
            if (seriesCount < 0) throw new IllegalArgumentException("seriesCount must be >= 0, was " + seriesCount);
            if (barCount < 0) throw new IllegalArgumentException("barCount must be >= 0, was " + barCount);
            checkedCells(seriesCount, barCount);
            this.seriesCount = seriesCount;
            this.barCount = barCount;
        }

        /** Symbols of the series; defaults to {@code S0, S1, ...}. */
        public Builder symbols(String... symbols) {
            this.symbols = SeriesShape.checkedSymbols(symbols, seriesCount);
            return this;
        }

        /** Lengths of the series, each in {@code [0, barCount]}; defaults to {@code barCount} for all. */
        public Builder lengths(int... lengths) {
            this.lengths = SeriesShape.checkedLengths(lengths, seriesCount, barCount);
            return this;
        }

        /** The symbols and lengths of {@code shape}, whose bar count must be this panel's. */
        public Builder shape(SeriesShape shape) {
            if (shape.seriesCount() != seriesCount || shape.barCount() != barCount) {
                throw new IllegalArgumentException("a shape of " + shape + " for a panel of " + seriesCount + " series x " + barCount + " bars");
            }
            return symbols(shape.symbols().toArray(String[]::new)).lengths(shape.lengths());
        }

        /**
         * Series-major values of one field ({@code values[s * barCount + t]}). The array is taken as is,
         * not copied (panels can be gigabytes): do not modify it afterwards.
         */
        public Builder field(Field field, double[] values) {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(values, field.columnName());
            if (values.length != seriesCount * barCount) {
                throw new IllegalArgumentException(field.columnName() + " has " + values.length + " values; a panel of "
                        + seriesCount + " x " + barCount + " needs " + seriesCount * barCount);
            }
            data.put(field, values);
            return this;
        }

        public Panel build() {
            return new Panel(SeriesShape.of(seriesCount, barCount, symbols, lengths), new EnumMap<>(data));
        }
    }
}
