package org.hybridta.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.hybridta.Pipeline;
import org.hybridta.PipelineResult;
import org.hybridta.Universe;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pipeline's table in the three formats, from one run: the same rows, value for value, with each format's types. */
class TableSinkTest {
    private static final List<Indicator> SPECS = List.of(Indicators.sma(20), Indicators.macd(12, 26, 9), Indicators.obv(), Indicators.adx(14));
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1), TO = LocalDate.of(2025, 1, 1);

    @TempDir Path dir;

    private PipelineResult runInto(Path... files) {
        Pipeline.Builder b = Pipeline.builder().universe(Universe.sp500().first(25)).between(FROM, TO).indicators(SPECS).backend("cpu");
        for (Path f : files) b.sink(TableSink.to(f));
        return b.build().run();
    }

    @Test void csvParquetAndDuckDbHoldTheSameValues() throws IOException, SQLException {
        Path csv = dir.resolve("out/run.csv"), parquet = dir.resolve("out/run.parquet"), duckdb = dir.resolve("out/run.duckdb");
        PipelineResult r = runInto(csv, parquet, duckdb);
        assertThat(r.files()).containsExactly(csv, parquet, duckdb);
        long rows = r.bars();

        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        assertThat(header).containsExactly("date", "symbol", "open", "high", "low", "close", "adj_close", "volume", "sma_20", "macd_12_26_9_macd",
                "macd_12_26_9_macdsignal", "macd_12_26_9_macdhist", "obv", "adx_14", "source");
        assertThat(lines).hasSize(1 + (int) rows);
        Map<String, String[]> csvRows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            csvRows.put(cells[0] + " " + cells[1], cells);
        }

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            List<Object[]> fromParquet = DuckDbReadBack.rows(st, "SELECT * FROM read_parquet('" + parquet + "')");
            st.execute("ATTACH '" + duckdb + "' AS run (READ_ONLY)");
            List<Object[]> fromDuckDb = DuckDbReadBack.rows(st, "SELECT * FROM run.indicators ORDER BY rowid");
            assertThat(fromParquet).hasSize((int) rows);
            assertThat(fromDuckDb).hasSize((int) rows);
            int row = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                Object[] p = fromParquet.get(row), d = fromDuckDb.get(row);
                row++;
                assertThat(p[0]).isEqualTo((int) LocalDate.parse(cells[0]).toEpochDay());
                assertThat(p[1]).isEqualTo(cells[1]);
                for (int col = 2; col < header.length - 1; col++) {
                    Double v = cells[col].isEmpty() ? null : Double.parseDouble(cells[col]);   // the CSV reads back to the very double
                    assertThat(p[col]).as(cells[0] + " " + cells[1] + " " + header[col] + " in Parquet").isEqualTo(v);
                    assertThat(d[col]).as(cells[0] + " " + cells[1] + " " + header[col] + " in DuckDB").isEqualTo(v);
                }
                assertThat(p[header.length - 1]).isEqualTo("synthetic").isEqualTo(cells[header.length - 1]);
                assertThat(d).isEqualTo(p);
            }
            assertThat(ParquetTableWriterTest.columnTypes(st, "DESCRIBE run.indicators")).contains(Map.entry("date", "DATE"),
                    Map.entry("symbol", "VARCHAR"), Map.entry("open", "DOUBLE"), Map.entry("adx_14", "DOUBLE"), Map.entry("source", "VARCHAR"));
        }
        assertThat(csvRows).hasSize((int) rows);

        // Parquet's own types: a date, dictionary-encoded symbols, zstd
        ParquetMetadata footer = ParquetReadBack.footer(parquet);
        assertThat(footer.getFileMetaData().getSchema().getType("date").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.dateType());
        ColumnChunkMetaData symbol = footer.getBlocks().get(0).getColumns().get(1);
        assertThat(symbol.getEncodings()).contains(Encoding.PLAIN_DICTIONARY);
        assertThat(symbol.getCodec()).isEqualTo(CompressionCodecName.ZSTD);
    }

    @Test void theFormatFollowsTheExtensionAndAnIntegerOutputIsAnInteger() {
        assertThat(TableSink.to(Path.of("a.parquet")).format()).isEqualTo(TableFormat.PARQUET);
        assertThat(TableSink.to(Path.of("a.DuckDB")).format()).isEqualTo(TableFormat.DUCKDB);
        assertThat(TableSink.to(Path.of("a.csv")).format()).isEqualTo(TableFormat.CSV);
        assertThat(TableSink.to(Path.of("-")).format()).isEqualTo(TableFormat.CSV);
        TableSchema schema = TableSink.schema(List.of(Indicators.ema(5)), false);
        assertThat(schema.columns()).extracting(TableSchema.Column::name)
                .containsExactly("date", "symbol", "open", "high", "low", "close", "adj_close", "volume", "ema_5");
        assertThat(schema.column(8).type()).isEqualTo(ColumnType.FLOAT64);
        assertThat(schema.column(0).type()).isEqualTo(ColumnType.DATE);
        assertThat(schema.column(1).type()).isEqualTo(ColumnType.SYMBOL);
    }

    @Test void aFailedRunLeavesNoFileOfAnyFormat() throws IOException {
        Path csv = dir.resolve("run.csv"), parquet = dir.resolve("run.parquet");
        Files.createDirectories(dir.resolve("run.duckdb"));   // a directory where the database should go: refused before any work
        assertThatThrownBy(() -> runInto(csv, parquet, dir.resolve("run.duckdb"))).isInstanceOf(org.hybridta.PipelineException.class)
                .hasMessageStartingWith("cannot write output: ").hasMessageContaining("run.duckdb");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("run.duckdb");
        }
    }
}
