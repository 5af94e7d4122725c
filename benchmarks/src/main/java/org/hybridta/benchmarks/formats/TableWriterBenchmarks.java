package org.hybridta.benchmarks.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.formats.RowBatch;
import org.hybridta.formats.TableFormat;
import org.hybridta.formats.TableWriter;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rows per second of each output format on the same table: {@code symbols} synthetic symbols × about 2,900
 * bars (2015 to mid-2026), the bar columns and the 18 catalog indicators' outputs (30 columns), computed
 * once in the set-up. Every invocation writes the whole table to a file and publishes it; the secondary
 * result {@code rows} is rows per second. Each format's file size and bytes per row are printed at the end
 * of its trial.
 *
 * <pre>java -Xmx2g -jar benchmarks/target/benchmarks.jar 'formats.TableWriterBenchmarks' -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class TableWriterBenchmarks {
    @Param({"200"}) int symbols;

    private SyntheticRun.Part part;
    private Path dir;
    private long rows;

    @Setup(Level.Trial) public void setUp() throws IOException {
        try (ComputeBackend cpu = Backends.open("cpu")) {
            part = SyntheticRun.part(0, symbols, cpu);
        }
        rows = part.rows();
        dir = Files.createTempDirectory("hybridta-formats-bench");
    }

    @TearDown(Level.Trial) public void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                long size = Files.size(f);
                System.out.printf(Locale.ROOT, "%n%s: %,d rows, %,d bytes, %.1f bytes/row%n", f.getFileName(), rows, size, (double) size / rows);
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    /** Rows written, reported by JMH per second next to the files per second (the secondary result {@code rows}). */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Rows {
        public long rows;
    }

    @Benchmark public void parquet(Rows counter) throws IOException {
        counter.rows += write(TableFormat.PARQUET, dir.resolve("run.parquet"));
    }

    @Benchmark public void duckdb(Rows counter) throws IOException {
        counter.rows += write(TableFormat.DUCKDB, dir.resolve("run.duckdb"));
    }

    /** CSV, numbers in full precision, formatted on every core. */
    @Benchmark public void csv(Rows counter) throws IOException {
        counter.rows += write(TableFormat.CSV, dir.resolve("run.csv"));
    }

    private long write(TableFormat format, Path file) throws IOException {
        try (TableWriter out = format.open(file, SyntheticRun.schema())) {
            SyntheticRun.append(out, RowBatch.of(out.schema()), part, "");
            out.commit();
            return out.rows();
        }
    }
}
