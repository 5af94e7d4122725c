package org.hybridta.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbTableWriterTest {
    @TempDir Path dir;

    @Test void sqlGivesBackEveryValueWithTheColumnsTypes() throws IOException, SQLException {
        SampleTable table = new SampleTable(40, 900, 21);
        Path file = dir.resolve("run.duckdb");
        write(file, table, WriteOptions.defaults().withRowGroupRows(10_000));

        try (Connection c = open(file); Statement st = c.createStatement()) {
            assertThat(ParquetTableWriterTest.columnTypes(st, "DESCRIBE indicators")).containsExactly(
                    Map.entry("date", "DATE"), Map.entry("symbol", "VARCHAR"), Map.entry("close", "DOUBLE"),
                    Map.entry("volume", "DOUBLE"), Map.entry("sma_3", "DOUBLE"), Map.entry("cdl_pattern", "INTEGER"));
            try (ResultSet rs = st.executeQuery("SELECT column_name FROM information_schema.columns "
                    + "WHERE table_name = 'indicators' AND is_nullable = 'NO' ORDER BY ordinal_position")) {
                List<String> required = new ArrayList<>();
                while (rs.next()) required.add(rs.getString(1));
                assertThat(required).containsExactly("date", "symbol");
            }
            // rowid is the insertion order: the rows come back in the order they were appended
            ParquetTableWriterTest.assertSameRows(DuckDbReadBack.rows(st, "SELECT * FROM indicators ORDER BY rowid"), table.expectedRows());
        }
        assertThat(leftovers()).containsExactly(file);
    }

    @Test void theGuidesQueryFindsTheSymbolsThatClosedAboveTheir200DaySma() throws IOException, SQLException {
        TableSchema schema = TableSchema.builder().date("date").symbol("symbol").float64("close").float64("sma_200").build();
        Path file = dir.resolve("sp.duckdb");
        SplittableRandom random = new SplittableRandom(22);
        TreeSet<String> above = new TreeSet<>();
        int lastDay = 20_000;
        try (TableWriter out = TableFormat.DUCKDB.open(file, schema)) {
            RowBatch batch = RowBatch.of(schema);
            for (int s = 0; s < 30; s++) {
                String symbol = "S" + (char) ('A' + s % 26) + s;
                int n = 150 + random.nextInt(300);            // some too short for a 200-day SMA
                int end = s % 7 == 3 ? lastDay - 10 : lastDay; // some stopped trading earlier
                int[] days = new int[n];
                double[] close = new double[n], sma = new double[n];
                double price = 50;
                for (int t = 0; t < n; t++) {
                    days[t] = end - (n - 1 - t);
                    price *= 1 + (random.nextDouble() - 0.5 + (s % 2 == 0 ? 0.02 : -0.02)) / 10;
                    close[t] = price;
                }
                for (int t = 0; t < n; t++) {
                    if (t < 199) { sma[t] = Double.NaN; continue; }
                    double sum = 0;
                    for (int k = t - 199; k <= t; k++) sum += close[k];
                    sma[t] = sum / 200;
                }
                if (end == lastDay && !Double.isNaN(sma[n - 1]) && close[n - 1] > sma[n - 1]) above.add(symbol);
                out.append(batch.rows(n).dates(0, days, 0).symbol(1, symbol).float64(2, close, 0).float64(3, sma, 0));
            }
            out.commit();
        }
        assertThat(above).isNotEmpty();

        // the query docs/guide.md shows
        String query = """
                SELECT symbol, close, sma_200
                FROM indicators
                WHERE date = (SELECT max(date) FROM indicators)
                  AND close > sma_200
                ORDER BY symbol""";
        try (Connection c = open(file); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            List<String> found = new ArrayList<>();
            while (rs.next()) found.add(rs.getString("symbol"));
            assertThat(found).containsExactlyElementsOf(above);
        }
    }

    @Test void anEmptyTableIsADatabaseWithTheTable() throws IOException, SQLException {
        Path file = dir.resolve("empty.duckdb");
        try (TableWriter out = TableFormat.DUCKDB.open(file, SampleTable.SCHEMA, WriteOptions.defaults().withTableName("runs"))) {
            out.commit();
        }
        try (Connection c = open(file); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM runs")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test void closingWithoutCommitLeavesNeitherFileNorTemporaryFolder() throws IOException {
        Path file = dir.resolve("never.duckdb");
        try (TableWriter out = TableFormat.DUCKDB.open(file, SampleTable.SCHEMA, WriteOptions.defaults().withRowGroupRows(500))) {
            new SampleTable(10, 300, 23).appendTo(out);
            assertThat(leftovers()).isNotEmpty();
        }
        assertThat(leftovers()).isEmpty();
    }

    @Test void aFailingDiskKeepsThePreviousDatabaseAndNamesTheTarget() throws IOException {
        Path file = dir.resolve("kept.duckdb");
        Files.writeString(file, "the previous run");
        TableWriter out = DuckDbTableWriter.open(file, SampleTable.SCHEMA, WriteOptions.defaults().withRowGroupRows(1_000),
                stream -> failingAfter(stream, 10_000));
        assertThatThrownBy(() -> {
            new SampleTable(30, 500, 24).appendTo(out);
            out.commit();
        }).isInstanceOf(IOException.class).hasMessage(file + ": cannot write: No space left on device");
        assertThat(Files.readString(file)).isEqualTo("the previous run");
        assertThat(leftovers()).containsExactly(file);
    }

    @Test void aDatabaseThatDuckDbCannotLoadIsReportedOnOneLine() throws IOException {
        Path file = dir.resolve("bad.duckdb");
        TableSchema schema = TableSchema.builder().date("date").float64("x").build();
        // a table name DuckDB rejects makes the load itself fail, after the staging file was written
        try (TableWriter out = TableFormat.DUCKDB.open(file, schema, WriteOptions.defaults().withTableName("indicators\0"))) {
            out.append(RowBatch.of(schema).rows(1).dates(0, new int[] {1}, 0).float64(1, new double[] {2}, 0));
            assertThatThrownBy(out::commit).isInstanceOf(IOException.class)
                    .hasMessageStartingWith(file + ": cannot write: ")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        assertThat(leftovers()).isEmpty();
    }

    static void write(Path file, SampleTable table, WriteOptions options) throws IOException {
        try (TableWriter out = TableFormat.DUCKDB.open(file, SampleTable.SCHEMA, options)) {
            table.appendTo(out);
            out.commit();
        }
    }

    private static Connection open(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + file);
    }

    private static OutputStream failingAfter(OutputStream stream, long bytes) {
        return new FilterOutputStream(stream) {
            private long written;

            @Override public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > bytes) throw new IOException("No space left on device");
                out.write(b, off, len);
            }
        };
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
