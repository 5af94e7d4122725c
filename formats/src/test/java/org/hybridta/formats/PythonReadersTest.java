package org.hybridta.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pyarrow, pandas, polars, DuckDB's Python package and fastparquet read our Parquet value by value
 * (src/test/python/read_back.py). Skipped, with the reason, where Python has none of them; the Python is
 * {@code $HYBRIDTA_PYTHON}, else {@code python3}.
 */
class PythonReadersTest {
    @TempDir Path dir;

    @Test void pythonReadersGetEveryValueBack() throws IOException, InterruptedException {
        String python = System.getenv().getOrDefault("HYBRIDTA_PYTHON", "python3");
        assumeTrue(run(List.of(python, "-c", "import pyarrow")).exit == 0, () -> "skipped: " + python + " has no pyarrow");

        SampleTable table = new SampleTable(400, 60, 12);   // > 256 symbols a group: two-byte dictionary runs
        Path file = dir.resolve("run.parquet");
        ParquetTableWriterTest.write(file, table, WriteOptions.defaults().withRowGroupRows(4_000));
        StringBuilder tsv = new StringBuilder();
        for (Object[] row : table.expectedRows()) {
            for (int c = 0; c < row.length; c++) {
                if (c > 0) tsv.append('\t');
                Object v = row[c];
                if (v instanceof Double d) tsv.append(Double.doubleToRawLongBits(d));
                else if (v != null) tsv.append(v);
            }
            tsv.append('\n');
        }
        Path expected = Files.writeString(dir.resolve("expected.tsv"), tsv, StandardCharsets.UTF_8);

        Result r = run(List.of(python, Path.of("src/test/python/read_back.py").toAbsolutePath().toString(), file.toString(), expected.toString()));
        System.out.print(r.output);
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("pyarrow: " + table.rows() + " rows equal");
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
        return new Result(p.exitValue(), out);
    }
}
