package org.hybridta;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link Panel} whose values live in caller-owned native memory (direct {@link DoubleBuffer}s) instead of Java
 * arrays: the input of {@link org.hybridta.backend.ComputeBackend#computeInto ComputeBackend.computeInto}, which
 * writes its results into direct buffers too. A GPU backend moves such buffers straight between host and device
 * when they come from its {@link org.hybridta.backend.ComputeBackend#allocateHostBuffer allocateHostBuffer}, with
 * no Java array to allocate, zero or copy.
 *
 * <p>Layout as in {@link Panel}: series-major, bar {@code t} of series {@code s} at index
 * {@code s * barCount() + t} of each field's buffer, counted from the buffer's index 0 (its position and limit
 * are ignored and never changed). Series {@code s} occupies bars {@code [0, length(s))}; values after its end
 * are not read. Each buffer must be direct, in the platform's byte order, and hold at least
 * {@code seriesCount() * barCount()} values (its capacity).
 *
 * <p>The panel holds the caller's buffers, not copies: do not change them while a computation reads them.
 */
public final class HostPanel {
    /** Values one direct buffer can hold: its size in bytes is an {@code int}. */
    static final long MAX_CELLS = Integer.MAX_VALUE / Double.BYTES;

    private final SeriesShape shape;
    private final EnumMap<Field, DoubleBuffer> data;

    private HostPanel(SeriesShape shape, EnumMap<Field, DoubleBuffer> data) {
        this.shape = shape;
        this.data = data;
    }

    /** Starts a panel of {@code seriesCount} series of {@code barCount} bar slots each. */
    public static Builder builder(int seriesCount, int barCount) {
        return new Builder(seriesCount, barCount);
    }

    /** The series' symbols, lengths and bar count; {@code shape().cells()} values per field and per output. */
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

    /**
     * The caller's buffer of {@code field}, as given to the builder.
     *
     * @throws IllegalArgumentException if the panel has no such field
     */
    public DoubleBuffer data(Field field) {
        DoubleBuffer d = data.get(field);
        if (d == null) throw new IllegalArgumentException("the host panel has no " + field.columnName() + " values");
        return d;
    }

    /**
     * A heap copy of this panel (same symbols, lengths and values), for backends that compute from Java arrays;
     * the cells after each series' end hold {@code NaN}, as in {@link Panel}.
     */
    public Panel toPanel() {
        int n = shape.seriesCount(), barCount = shape.barCount();
        int cells = Panel.checkedCells(n, barCount);
        Panel.Builder b = Panel.builder(n, barCount).shape(shape);
        for (var e : data.entrySet()) {
            double[] values = new double[cells];
            DoubleBuffer src = e.getValue().duplicate().clear();
            for (int s = 0; s < n; s++) {
                int off = s * barCount;
                src.get(off, values, off, shape.length(s));
                Arrays.fill(values, off + shape.length(s), off + barCount, Double.NaN);
            }
            b.field(e.getKey(), values);
        }
        return b.build();
    }

    @Override public String toString() {
        StringBuilder fields = new StringBuilder();
        for (Field f : data.keySet()) fields.append(fields.length() == 0 ? "" : ", ").append(f.columnName());
        return "HostPanel[" + shape + ", " + (fields.length() == 0 ? "no fields" : fields) + "]";
    }

    /** Builder for {@link HostPanel#builder(int, int)}. */
    public static final class Builder {
        private final int seriesCount, barCount;
        private String[] symbols;
        private int[] lengths;
        private final EnumMap<Field, DoubleBuffer> data = new EnumMap<>(Field.class);

        private Builder(int seriesCount, int barCount) {
            if (seriesCount < 0) throw new IllegalArgumentException("seriesCount must be >= 0, was " + seriesCount);
            if (barCount < 0) throw new IllegalArgumentException("barCount must be >= 0, was " + barCount);
            long cells = (long) seriesCount * barCount;
            if (cells > MAX_CELLS) {
                throw new IllegalArgumentException("a host panel of " + seriesCount + " series x " + barCount + " bars has " + cells
                        + " cells, more than one direct buffer holds (" + MAX_CELLS + " doubles); split it into several panels");
            }
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

        /** The symbols and lengths of {@code shape}, whose series and bar counts must be this panel's. */
        public Builder shape(SeriesShape shape) {
            if (shape.seriesCount() != seriesCount || shape.barCount() != barCount) {
                throw new IllegalArgumentException("a shape of " + shape + " for a host panel of " + seriesCount + " series x " + barCount + " bars");
            }
            return symbols(shape.symbols().toArray(String[]::new)).lengths(shape.lengths());
        }

        /**
         * Series-major values of one field (bar {@code t} of series {@code s} at index {@code s * barCount + t}).
         * The buffer is taken as is, not copied.
         *
         * @throws IllegalArgumentException if the buffer is not direct, not in the platform's byte order, or holds
         *                                  fewer than {@code seriesCount * barCount} values
         */
        public Builder field(Field field, DoubleBuffer values) {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(values, field.columnName());
            String problem = problem(values, (long) seriesCount * barCount);
            if (problem != null) {
                throw new IllegalArgumentException(field.columnName() + ": " + problem + " (a host panel of " + seriesCount + " x " + barCount + ")");
            }
            data.put(field, values);
            return this;
        }

        public HostPanel build() {
            return new HostPanel(SeriesShape.of(seriesCount, barCount, symbols, lengths), new EnumMap<>(data));
        }
    }

    /** What is wrong with a buffer that must hold {@code cells} values in native memory, or null if nothing. */
    private static String problem(DoubleBuffer buffer, long cells) {
        if (!buffer.isDirect()) {
            return "the buffer is a heap buffer, not direct; allocate it with ComputeBackend.allocateHostBuffer "
                    + "(or ByteBuffer.allocateDirect) and view it with order(ByteOrder.nativeOrder())";
        }
        if (buffer.order() != ByteOrder.nativeOrder()) {
            return "the buffer's byte order is " + buffer.order() + ", not the platform's " + ByteOrder.nativeOrder()
                    + "; view the bytes with order(ByteOrder.nativeOrder()) before asDoubleBuffer()";
        }
        if (buffer.capacity() < cells) {
            return "the buffer holds " + buffer.capacity() + " values, " + cells + " needed";
        }
        return null;
    }
}
