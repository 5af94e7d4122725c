package org.hybridta.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.hybridta.io.CsvText;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CSV writer's bytes (slices on several threads, reused buffers, the per-day date table) against the plainest
 * formatting of the same rows, one cell after another: identical, over batches of every size, symbols of every
 * length, dates outside the table's years and numbers of every kind.
 */
class CsvTableWriterTest {
    private static final TableSchema SCHEMA = TableSchema.builder()
            .date("date").symbol("symbol")
            .float64("close").float64("volume").float64("indicator").float64("odd")
            .int32("pattern").int32("index").symbol("source")
            .build();

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void sameBytesAsFormattingRowByRow(int threads) throws IOException {
        Path file = dir.resolve("out.csv");
        StringBuilder expected = new StringBuilder("date,symbol,close,volume,indicator,odd,pattern,index,source\n");
        SplittableRandom r = new SplittableRandom(threads);
        TableWriter w = CsvTableWriter.open(file, SCHEMA, WriteOptions.defaults().withThreads(threads));
        RowBatch batch = RowBatch.of(SCHEMA);
        int day = (int) LocalDate.of(2015, 1, 2).toEpochDay();
        for (int b = 0; b < 60; b++) {
            int n = switch (b % 6) {
                case 0 -> 0;
                case 1 -> 1;
                case 2 -> 255;
                case 3 -> 257;
                default -> r.nextInt(1, 3_000);
            };
            int[] days = new int[n + 3], pattern = new int[n + 3];   // offset 3: a batch starts within its arrays
            double[] close = new double[n], volume = new double[n], indicator = new double[n], odd = new double[n], index = new double[n];
            String[] symbols = new String[n];
            String constant = b % 4 == 0 ? "S" + b : "A-LONGER-SYMBOL-" + "X".repeat(b) + (b % 8 == 1 ? ",with \"comma\"" : "é");
            int start = b == 7 ? (int) LocalDate.of(-3, 6, 1).toEpochDay()        // ISO's years beyond 0 to 9999
                    : b == 9 ? (int) LocalDate.of(9999, 12, 20).toEpochDay()     // ... and across 10000
                    : b % 5 == 3 ? day - 4000 : day + r.nextInt(-50, 50);       // earlier days: the table grows down
            for (int i = 0; i < n; i++) {
                days[3 + i] = start + i;
                pattern[3 + i] = (r.nextInt(3) - 1) * 100;
                close[i] = Math.round(r.nextDouble(0.5, 2_000) * 100) / 100.0;
                volume[i] = Math.floor(r.nextDouble(0, 1e9));
                indicator[i] = i < 5 ? Double.NaN : r.nextDouble(-100, 100) * Math.pow(10, r.nextInt(-9, 9));
                odd[i] = switch (i % 9) {
                    case 0 -> -0.0;
                    case 1 -> 0.0;
                    case 2 -> 1e-5;
                    case 3 -> -Double.MAX_VALUE;
                    case 4 -> Double.MIN_VALUE;
                    case 5 -> Double.POSITIVE_INFINITY;
                    case 6 -> -Math.round(r.nextDouble(0, 1e7) * 10_000) / 10_000.0;
                    case 7 -> 1e15 + 0.5;
                    default -> r.nextLong(Long.MIN_VALUE, Long.MAX_VALUE) * 1.0;
                };
                index[i] = i % 7 == 0 ? Double.NaN : r.nextInt(-5_000, 5_000);
                symbols[i] = i % 11 == 0 ? "Q\"" + i : "s" + i;
            }
            w.append(batch.rows(n).dates(0, days, 3).symbol(1, constant).float64(2, close, 0).float64(3, volume, 0)
                    .float64(4, indicator, 0).float64(5, odd, 0).int32(6, pattern, 3).int32(7, index, 0).symbols(8, symbols, 0));
            for (int i = 0; i < n; i++) {
                expected.append(LocalDate.ofEpochDay(days[3 + i])).append(',').append(text(constant));
                for (double v : new double[] {close[i], volume[i], indicator[i], odd[i], pattern[3 + i], index[i]}) {
                    CsvText.appendNumber(expected.append(','), v);
                }
                expected.append(',').append(text(symbols[i])).append('\n');
            }
        }
        w.commit();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    @org.junit.jupiter.api.Test
    void anIntegerColumnRefusesAFractionNamingTheColumnAndRowAndLeavesNoFile() throws IOException {
        TableSchema schema = TableSchema.builder().date("date").symbol("symbol").int32("cdl_pattern").build();
        Path file = dir.resolve("out.csv");
        TableWriter w = CsvTableWriter.open(file, schema, WriteOptions.defaults().withThreads(2));
        double[] pattern = new double[600];
        pattern[0] = Double.NaN;
        pattern[517] = 2.5;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.append(RowBatch.of(schema).rows(600)
                        .dates(0, new int[600], 0).symbol(1, "A").int32(2, pattern, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column cdl_pattern: 2.5 is not a whole number in the int range (batch row 517)");
        assertThat(file).doesNotExist();
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break, quotes doubled. */
    private static String text(String s) {
        return s.matches("(?s).*[,\"\n\r].*") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
