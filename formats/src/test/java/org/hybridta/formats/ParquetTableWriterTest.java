package org.hybridta.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetTableWriterTest {
    @TempDir Path dir;

    @Test void readsBackValueByValueAcrossRowGroupsAndPages() throws IOException {
        SampleTable table = new SampleTable(60, 3_000, 1);   // ~150,000 rows: several groups, a group of several pages
        Path file = dir.resolve("run.parquet");
        write(file, table, WriteOptions.defaults().withRowGroupRows(70_001).withThreads(3));

        assertSameRows(DuckDbReadBack.parquetRows(file), table.expectedRows());
        assertThat(ParquetReadBack.footer(file).getBlocks()).hasSize((table.rows() + 70_000) / 70_001);
        assertThat(table.rows()).isGreaterThan(2 * ChunkEncoder.PAGE_ROWS);
        assertThat(leftovers()).containsExactly(file);
    }

    @Test void dictionaryIndicesOfAnyWidthReadBack() throws IOException {
        SampleTable many = new SampleTable(700, 6, 9);   // > 512 symbols in one group: 10-bit indices, two bytes a run
        Path file = dir.resolve("many.parquet");
        write(file, many, WriteOptions.defaults());
        assertSameRows(DuckDbReadBack.parquetRows(file), many.expectedRows());

        SampleTable one = new SampleTable(1, 500, 10);    // one symbol: 0-bit indices
        Path single = dir.resolve("one.parquet");
        write(single, one, WriteOptions.defaults());
        assertSameRows(DuckDbReadBack.parquetRows(single), one.expectedRows());
    }

    @Test void typesAreDateDictionarySymbolDoubleAndInt32AllZstd() throws IOException {
        Path file = dir.resolve("types.parquet");
        write(file, new SampleTable(5, 50, 2), WriteOptions.defaults());

        ParquetMetadata footer = ParquetReadBack.footer(file);
        MessageType schema = footer.getFileMetaData().getSchema();
        assertThat(schema.getType("date").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT32);
        assertThat(schema.getType("date").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.dateType());
        assertThat(schema.getType("date").getRepetition()).isEqualTo(Repetition.REQUIRED);
        assertThat(schema.getType("symbol").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.BINARY);
        assertThat(schema.getType("symbol").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.stringType());
        assertThat(schema.getType("close").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.DOUBLE);
        assertThat(schema.getType("close").getRepetition()).isEqualTo(Repetition.OPTIONAL);
        assertThat(schema.getType("cdl_pattern").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT32);
        assertThat(schema.getType("cdl_pattern").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.intType(32, true));

        for (BlockMetaData block : footer.getBlocks()) {
            for (ColumnChunkMetaData chunk : block.getColumns()) {
                assertThat(chunk.getCodec()).isEqualTo(CompressionCodecName.ZSTD);
            }
            ColumnChunkMetaData symbol = block.getColumns().get(1);
            assertThat(symbol.hasDictionaryPage()).isTrue();
            assertThat(symbol.getEncodings()).contains(Encoding.PLAIN_DICTIONARY).doesNotContain(Encoding.PLAIN);
            assertThat(block.getColumns().get(2).getEncodings()).contains(Encoding.PLAIN);
        }
    }

    @Test void statisticsHoldEachChunksMinimumMaximumAndNulls() throws IOException {
        SampleTable table = new SampleTable(8, 400, 3);
        Path file = dir.resolve("stats.parquet");
        write(file, table, WriteOptions.defaults());

        ColumnChunkMetaData date = ParquetReadBack.footer(file).getBlocks().get(0).getColumns().get(0);
        int min = table.days.stream().flatMapToInt(java.util.Arrays::stream).min().orElseThrow();
        int max = table.days.stream().flatMapToInt(java.util.Arrays::stream).max().orElseThrow();
        assertThat(date.getStatistics().genericGetMin()).isEqualTo(min);
        assertThat(date.getStatistics().genericGetMax()).isEqualTo(max);
        ColumnChunkMetaData sma = ParquetReadBack.footer(file).getBlocks().get(0).getColumns().get(4);
        long nulls = table.sma.stream().flatMapToDouble(java.util.Arrays::stream).filter(Double::isNaN).count();
        assertThat(sma.getStatistics().getNumNulls()).isEqualTo(nulls).isPositive();
    }

    @Test void duckDbReadsTheParquetWithTheSameValuesAndTypes() throws IOException, SQLException {
        SampleTable table = new SampleTable(30, 700, 4);
        Path file = dir.resolve("for duck's reader.parquet");
        write(file, table, WriteOptions.defaults().withRowGroupRows(5_000));

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            String from = "read_parquet('" + file.toString().replace("'", "''") + "')";
            assertThat(columnTypes(st, "DESCRIBE SELECT * FROM " + from)).containsExactly(
                    Map.entry("date", "DATE"), Map.entry("symbol", "VARCHAR"), Map.entry("close", "DOUBLE"),
                    Map.entry("volume", "DOUBLE"), Map.entry("sma_3", "DOUBLE"), Map.entry("cdl_pattern", "INTEGER"));
            assertSameRows(DuckDbReadBack.rows(st, "SELECT * FROM " + from), table.expectedRows());
        }
    }

    @Test void anEmptyTableIsAValidFileWithItsColumns() throws IOException, SQLException {
        Path file = dir.resolve("empty.parquet");
        try (TableWriter out = TableFormat.PARQUET.open(file, SampleTable.SCHEMA)) {
            out.append(RowBatch.of(SampleTable.SCHEMA).rows(0));
            out.commit();
        }
        assertThat(DuckDbReadBack.parquetRows(file)).isEmpty();
        assertThat(ParquetReadBack.footer(file).getFileMetaData().getSchema().getFieldCount()).isEqualTo(6);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(close) FROM read_parquet('" + file + "')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test void closingWithoutCommitLeavesNoFileAndNoTemporary() throws IOException {
        Path file = dir.resolve("never.parquet");
        try (TableWriter out = TableFormat.PARQUET.open(file, SampleTable.SCHEMA, WriteOptions.defaults().withRowGroupRows(100))) {
            new SampleTable(10, 200, 5).appendTo(out);       // several row groups already in the temporary
            assertThat(leftovers()).hasSize(1);
        }
        assertThat(leftovers()).isEmpty();
    }

    @Test void anExceptionMidWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path file = dir.resolve("kept.parquet");
        Files.writeString(file, "the previous run");
        double[] bad = {1, 2.5};
        try (TableWriter out = TableFormat.PARQUET.open(file, SampleTable.SCHEMA, WriteOptions.defaults().withRowGroupRows(50))) {
            new SampleTable(10, 100, 6).appendTo(out);
            RowBatch batch = RowBatch.of(SampleTable.SCHEMA).rows(2).dates(0, new int[] {1, 2}, 0).symbol(1, "X")
                    .float64(2, bad, 0).float64(3, bad, 0).float64(4, bad, 0).int32(5, bad, 0);
            assertThatThrownBy(() -> out.append(batch))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("column cdl_pattern: 2.5 is not a whole number in the int range (batch row 1)");
            assertThatThrownBy(out::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("already committed or closed");
        }
        assertThat(Files.readString(file)).isEqualTo("the previous run");
        assertThat(leftovers()).containsExactly(file);
    }

    @Test void aFailingDiskGivesOneLineNamingTheFileAndLeavesNothing() throws IOException {
        Path file = dir.resolve("full.parquet");
        PendingFile pending = PendingFile.file(file, "parquet");
        TableWriter out = ParquetTableWriter.open(pending, SampleTable.SCHEMA, WriteOptions.defaults().withRowGroupRows(1_000),
                stream -> new java.io.FilterOutputStream(stream) {
                    private long written;

                    @Override public void write(byte[] b, int off, int len) throws IOException {
                        written += len;
                        if (written > 20_000) throw new IOException("No space left on device");
                        out.write(b, off, len);
                    }
                });
        assertThatThrownBy(() -> {
            new SampleTable(40, 500, 7).appendTo(out);
            out.commit();
        }).isInstanceOf(IOException.class).hasMessage(file + ": cannot write: No space left on device");
        assertThat(leftovers()).isEmpty();
    }

    @Test void aSymbolicLinkIsWrittenThroughAndStaysALink() throws IOException {
        Path real = Files.createDirectories(dir.resolve("data")).resolve("real.parquet");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("latest.parquet"), Path.of("data/real.parquet"));
        SampleTable table = new SampleTable(3, 30, 8);
        write(link, table, WriteOptions.defaults());

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("data/real.parquet"));
        assertSameRows(DuckDbReadBack.parquetRows(real), table.expectedRows());
        try (Stream<Path> files = Files.list(real.getParent())) {
            assertThat(files).containsExactly(real);
        }
    }

    @Test void aDirectoryOrDeviceIsRefusedWithOneLine() {
        assertThatThrownBy(() -> TableFormat.PARQUET.open(dir, SampleTable.SCHEMA))
                .isInstanceOf(IOException.class)
                .hasMessage(dir + ": is a directory; name a file, e.g. " + dir.resolve("indicators.parquet"));
        Path devNull = Path.of("/dev/null");
        assertThatThrownBy(() -> TableFormat.PARQUET.open(devNull, SampleTable.SCHEMA))
                .isInstanceOf(IOException.class)
                .hasMessage("/dev/null: is a pipe or device, not a regular file; parquet output is written whole and needs a regular file, e.g. out/indicators.parquet");
        assertThatThrownBy(() -> TableFormat.PARQUET.check(devNull)).hasMessageStartingWith("/dev/null: is a pipe or device");
    }

    @Test void anUnwritableFolderIsNamedWithTheReason() throws IOException {
        Path aFile = Files.writeString(dir.resolve("plain-file"), "x");
        Path target = aFile.resolve("run.parquet");
        assertThatThrownBy(() -> TableFormat.PARQUET.open(target, SampleTable.SCHEMA))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(target + ": cannot write: Not a directory");
        assertThatThrownBy(() -> TableFormat.PARQUET.check(target)).hasMessageStartingWith(target + ": cannot write: Not a directory");

        Path locked = Files.createDirectory(dir.resolve("locked"));
        assertThat(locked.toFile().setWritable(false, false)).isTrue();
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(locked), "running as root: permissions are not enforced");
            assertThatThrownBy(() -> TableFormat.PARQUET.open(locked.resolve("run.parquet"), SampleTable.SCHEMA))
                    .isInstanceOf(IOException.class)
                    .hasMessage(locked.resolve("run.parquet") + ": cannot write: Permission denied");
        } finally {
            locked.toFile().setWritable(true, false);
        }
    }

    @Test void aBatchMustBindEveryColumnWithItsType() throws IOException {
        RowBatch batch = RowBatch.of(SampleTable.SCHEMA).rows(1);
        assertThatThrownBy(() -> batch.float64(0, new double[1], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("column date is DATE, not FLOAT64");
        assertThatThrownBy(() -> batch.float64(2, new double[1], 1)).isInstanceOf(IndexOutOfBoundsException.class);
        try (TableWriter out = TableFormat.PARQUET.open(dir.resolve("x.parquet"), SampleTable.SCHEMA)) {
            batch.dates(0, new int[] {1}, 0).symbol(1, "A");
            assertThatThrownBy(() -> out.append(batch))
                    .isInstanceOf(IllegalStateException.class).hasMessage("column close is not set in this batch of 1 rows");
        }
        assertThat(leftovers()).isEmpty();
    }

    @Test void theFileNameChoosesTheFormat() {
        assertThat(TableFormat.forFileName(Path.of("out/run.PARQUET"))).contains(TableFormat.PARQUET);
        assertThat(TableFormat.forFileName(Path.of("run.duckdb"))).contains(TableFormat.DUCKDB);
        assertThat(TableFormat.forFileName(Path.of("run.csv"))).contains(TableFormat.CSV);
        assertThat(TableFormat.forFileName(Path.of("run.txt"))).isEmpty();
    }

    static void write(Path file, SampleTable table, WriteOptions options) throws IOException {
        try (TableWriter out = TableFormat.PARQUET.open(file, SampleTable.SCHEMA, options)) {
            table.appendTo(out);
            assertThat(out.rows()).isEqualTo(table.rows());
            out.commit();
        }
    }

    /** Same rows in the same order; doubles compared bit for bit (so -0.0 and 0.0 differ). */
    static void assertSameRows(List<Object[]> actual, List<Object[]> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int r = 0; r < expected.size(); r++) {
            Object[] a = actual.get(r), e = expected.get(r);
            for (int c = 0; c < e.length; c++) {
                Object av = a[c], ev = e[c];
                if (ev instanceof Double d && av instanceof Double x) {
                    assertThat(Double.doubleToRawLongBits(x)).as("row %d column %d: %s vs %s", r, c, x, d)
                            .isEqualTo(Double.doubleToRawLongBits(d));
                } else {
                    assertThat(av).as("row %d column %d", r, c).isEqualTo(ev);
                }
            }
        }
    }

    static Map<String, String> columnTypes(Statement st, String describe) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (ResultSet rs = st.executeQuery(describe)) {
            while (rs.next()) types.put(rs.getString("column_name"), rs.getString("column_type"));
        }
        return types;
    }

    private List<Path> leftovers() throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> !Files.isDirectory(p) || p.getFileName().toString().endsWith(".part")).forEach(all::add);
        }
        all.removeIf(p -> p.getFileName().toString().equals("plain-file"));
        return all;
    }
}
