package org.hybridta;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
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

    private final String[] symbols;
    private final int[] lengths;
    private final int barCount;
    private final EnumMap<Field, DoubleBuffer> data;

    private HostPanel(String[] symbols, int[] lengths, int barCount, EnumMap<Field, DoubleBuffer> data) {
        this.symbols = symbols;
        this.lengths = lengths;
        this.barCount = barCount;
        this.data = data;
    }

    /** Starts a panel of {@code seriesCount} series of {@code barCount} bar slots each. */
    public static Builder builder(int seriesCount, int barCount) {
        return new Builder(seriesCount, barCount);
    }

    public int seriesCount() { return symbols.length; }

    /** Bars per series slot: the length of the longest series. */
    public int barCount() { return barCount; }

    /** Values per field and per output: {@code seriesCount() * barCount()}. */
    public int cells() { return symbols.length * barCount; }

    /** Number of bars of series {@code s}. */
    public int length(int s) { return lengths[s]; }

    /** The lengths of all series (a copy). */
    public int[] lengths() { return lengths.clone(); }

    public String symbol(int s) { return symbols[s]; }

    public List<String> symbols() { return List.of(symbols); }

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
        int cells = Panel.checkedCells(symbols.length, barCount);
        Panel.Builder b = Panel.builder(symbols.length, barCount).symbols(symbols).lengths(lengths);
        for (var e : data.entrySet()) {
            double[] values = new double[cells];
            DoubleBuffer src = e.getValue().duplicate().clear();
            for (int s = 0; s < symbols.length; s++) {
                int off = s * barCount;
                src.get(off, values, off, lengths[s]);
                Arrays.fill(values, off + lengths[s], off + barCount, Double.NaN);
            }
            b.field(e.getKey(), values);
        }
        return b.build();
    }

    @Override public String toString() {
        StringBuilder fields = new StringBuilder();
        for (Field f : data.keySet()) fields.append(fields.length() == 0 ? "" : ", ").append(f.columnName());
        return "HostPanel[" + symbols.length + " series x " + barCount + " bars, " + (fields.length() == 0 ? "no fields" : fields) + "]";
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
            String[] checked = SeriesShape.checkedSymbols(symbols, seriesCount);
            for (int i = 0; i < checked.length; i++) Objects.requireNonNull(checked[i], "symbol of series " + i);
            this.symbols = checked;
            return this;
        }

        /** Lengths of the series, each in {@code [0, barCount]}; defaults to {@code barCount} for all. */
        public Builder lengths(int... lengths) {
            this.lengths = SeriesShape.checkedLengths(lengths, seriesCount, barCount);
            return this;
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
            return new HostPanel(SeriesShape.symbolsOrDefault(symbols, seriesCount), SeriesShape.lengthsOrDefault(lengths, seriesCount, barCount),
                    barCount, new EnumMap<>(data));
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
