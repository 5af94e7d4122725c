package org.hybridta.formats;

import java.util.Arrays;
import java.util.Objects;

/**
 * A view of {@link #rows()} consecutive rows for a {@link TableWriter}: for every column of the schema, the
 * caller's own primitive array and the offset of the batch's first row in it. Nothing is copied or boxed
 * until {@link TableWriter#append} copies the rows into the writer; the batch can then be bound to the
 * next rows and appended again.
 *
 * <pre>{@code
 * RowBatch batch = RowBatch.of(schema);
 * for (...) {                                  // e.g. one symbol's bars
 *     batch.rows(n)
 *          .dates(0, epochDays, first)
 *          .symbol(1, "AAPL")                  // the same value in every row
 *          .float64(2, close, first)
 *          .float64(3, sma200, offsetInPanel + first);
 *     writer.append(batch);
 * }
 * }</pre>
 *
 * Call {@link #rows(int)} first: it unbinds every column, and each setter checks that its array holds
 * {@code rows} values from its offset. A batch is not thread-safe.
 */
public final class RowBatch {
    enum Source { NONE, CONSTANT, STRINGS, INTS, DOUBLES }

    private final TableSchema schema;
    private final Source[] sources;
    private final Object[] arrays;
    private final int[] offsets;
    private int rows;

    private RowBatch(TableSchema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        int n = schema.size();
        sources = new Source[n];
        arrays = new Object[n];
        offsets = new int[n];
        Arrays.fill(sources, Source.NONE);
    }

    /** An empty batch for tables of {@code schema}. */
    public static RowBatch of(TableSchema schema) {
        return new RowBatch(schema);
    }

    public TableSchema schema() { return schema; }

    public int rows() { return rows; }

    /** Starts binding a batch of {@code rows} rows; every column must be bound again. */
    public RowBatch rows(int rows) {
        if (rows < 0) throw new IllegalArgumentException("rows must be >= 0, was " + rows);
        this.rows = rows;
        Arrays.fill(sources, Source.NONE);
        Arrays.fill(arrays, null);
        return this;
    }

    /** Every row of {@link ColumnType#SYMBOL} column {@code column} holds {@code value}. */
    public RowBatch symbol(int column, String value) {
        check(column, ColumnType.SYMBOL);
        Objects.requireNonNull(value, () -> "column " + name(column) + ": symbol must not be null");
        return bind(column, Source.CONSTANT, value, 0);
    }

    /** Row {@code i} of {@link ColumnType#SYMBOL} column {@code column} holds {@code values[offset + i]} (never null). */
    public RowBatch symbols(int column, String[] values, int offset) {
        return bind(column, ColumnType.SYMBOL, Source.STRINGS, values, values.length, offset);
    }

    /** Row {@code i} of {@link ColumnType#DATE} column {@code column} is the day {@code epochDays[offset + i]}. */
    public RowBatch dates(int column, int[] epochDays, int offset) {
        return bind(column, ColumnType.DATE, Source.INTS, epochDays, epochDays.length, offset);
    }

    /** Row {@code i} of {@link ColumnType#FLOAT64} column {@code column} is {@code values[offset + i]}, NULL where NaN. */
    public RowBatch float64(int column, double[] values, int offset) {
        return bind(column, ColumnType.FLOAT64, Source.DOUBLES, values, values.length, offset);
    }

    /** Row {@code i} of {@link ColumnType#INT32} column {@code column} is {@code values[offset + i]} (never NULL). */
    public RowBatch int32(int column, int[] values, int offset) {
        return bind(column, ColumnType.INT32, Source.INTS, values, values.length, offset);
    }

    /**
     * Row {@code i} of {@link ColumnType#INT32} column {@code column} is {@code values[offset + i]}, NULL where
     * NaN; every other value must be a whole number in the int range ({@link TableWriter#append} checks).
     */
    public RowBatch int32(int column, double[] values, int offset) {
        return bind(column, ColumnType.INT32, Source.DOUBLES, values, values.length, offset);
    }

    Source source(int column) { return sources[column]; }

    Object array(int column) { return arrays[column]; }

    int offset(int column) { return offsets[column]; }

    /** @throws IllegalStateException naming the first column left unbound */
    void checkComplete() {
        for (int c = 0; c < sources.length; c++) {
            if (sources[c] == Source.NONE && rows > 0) {
                throw new IllegalStateException("column " + name(c) + " is not set in this batch of " + rows + " rows");
            }
        }
    }

    /** Binds an array holding {@link #rows()} values from {@code offset} to a column of {@code type}. */
    private RowBatch bind(int column, ColumnType type, Source source, Object array, int length, int offset) {
        check(column, type);
        Objects.checkFromIndexSize(offset, rows, length);
        return bind(column, source, array, offset);
    }

    private RowBatch bind(int column, Source source, Object array, int offset) {
        sources[column] = source;
        arrays[column] = array;
        offsets[column] = offset;
        return this;
    }

    private void check(int column, ColumnType type) {
        Objects.checkIndex(column, schema.size());
        ColumnType actual = schema.column(column).type();
        if (actual != type) throw new IllegalArgumentException("column " + name(column) + " is " + actual + ", not " + type);
    }

    private String name(int column) {
        return schema.column(column).name();
    }
}
