package org.hybridta.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Output;
import org.hybridta.io.CsvText;
import org.hybridta.sink.ResultSink;
import org.hybridta.sink.RunOutput;

/**
 * A pipeline's results as one table in the long layout — one row per symbol and date: {@code date, symbol, open,
 * high, low, close, adj_close, volume}, the indicator columns, and, when the bars are made up, {@code source} =
 * {@code synthetic} — written part by part as CSV, Parquet or a DuckDB database from the same row batches. Rows
 * come in universe order, dates ascending; no value is NULL in Parquet and DuckDB and an empty cell in CSV.
 *
 * <pre>{@code
 * Pipeline.builder().sink(TableSink.to(Path.of("out/indicators.parquet")))...   // the format from the extension
 * }</pre>
 *
 * <p>Types: the date as a date, the symbol (and the source) dictionary-encoded, prices, volume and indicators as
 * float64, integer outputs (candlestick patterns, index functions) as int32. Written whole or not at all
 * ({@link TableWriter}); CSV also streams to a pipe, a device or standard output ({@code -}).
 */
public final class TableSink implements ResultSink {
    private static final Field[] BARS = {Field.OPEN, Field.HIGH, Field.LOW, Field.CLOSE, Field.ADJ_CLOSE, Field.VOLUME};
    /** TA-Lib's functions with integer outputs besides the candlestick patterns ({@code cdl…}). */
    private static final Set<String> INTEGER_FUNCTIONS = Set.of("maxindex", "minindex", "minmaxindex");

    private final Path target;
    private final TableFormat format;
    private final WriteOptions options;

    private TableSink(Path target, TableFormat format, WriteOptions options) {
        this.target = Objects.requireNonNull(target, "target");
        this.format = Objects.requireNonNull(format, "format");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A sink writing {@code target} in the format its extension names ({@code .csv}, {@code .parquet}, {@code .duckdb}), else CSV. */
    public static TableSink to(Path target) {
        return to(target, TableFormat.forFileName(target).orElse(TableFormat.CSV));
    }

    public static TableSink to(Path target, TableFormat format) {
        return new TableSink(target, format, WriteOptions.defaults());
    }

    public static TableSink to(Path target, TableFormat format, WriteOptions options) {
        return new TableSink(target, format, options);
    }

    public Path target() { return target; }

    public TableFormat format() { return format; }

    /** @throws IllegalStateException when DuckDB's driver is missing, naming the Maven coordinates */
    @Override public void checkDependencies() {
        if (format == TableFormat.DUCKDB) DuckDbTableWriter.requireDriver();
    }

    @Override public void check() throws IOException {
        format.check(target);
    }

    /** The table's columns for a run of {@code indicators}. */
    public static TableSchema schema(List<? extends Indicator> indicators, boolean synthetic) {
        TableSchema.Builder b = TableSchema.builder().date("date").symbol("symbol");
        for (Field f : BARS) b.float64(f.columnName());
        for (Indicator ind : indicators) {
            boolean integer = isInteger(ind);
            for (Output o : ind.outputs()) b.add(o.column(), integer ? ColumnType.INT32 : ColumnType.FLOAT64);
        }
        if (synthetic) b.symbol(CsvText.SOURCE_COLUMN);
        return b.build();
    }

    private static boolean isInteger(Indicator ind) {
        String name = ind.name().toLowerCase(Locale.ROOT);
        return name.startsWith("cdl") || INTEGER_FUNCTIONS.contains(name);
    }

    @Override public Session open(List<? extends Indicator> indicators, boolean synthetic) throws IOException {
        TableSchema schema = schema(indicators, synthetic);
        TableWriter writer = format.open(target, schema, options);
        RowBatch batch = RowBatch.of(schema);
        int first = 2 + BARS.length;
        int columns = schema.size() - first - (synthetic ? 1 : 0);
        boolean[] integer = new boolean[columns];
        for (int c = 0; c < columns; c++) integer[c] = schema.column(first + c).type() == ColumnType.INT32;
        return new Session() {
            @Override public void write(RunOutput part) throws IOException {
                for (int i = 0; i < part.size(); i++) {
                    BarSeries s = part.series(i);
                    batch.rows(s.size()).dates(0, s.epochDays(), 0).symbol(1, s.symbol());
                    for (int f = 0; f < BARS.length; f++) batch.float64(2 + f, s.values(BARS[f]), 0);
                    for (int c = 0; c < columns; c++) {
                        if (integer[c]) batch.int32(first + c, part.data(i, c), part.offset(i));
                        else batch.float64(first + c, part.data(i, c), part.offset(i));
                    }
                    if (synthetic) batch.symbol(first + columns, CsvText.SYNTHETIC);
                    writer.append(batch);
                }
            }

            @Override public List<Path> commit() throws IOException {
                writer.commit();
                return List.of(target);
            }

            @Override public void close() {
                writer.close();
            }
        };
    }

    @Override public String toString() { return format.extension() + " " + target; }
}
