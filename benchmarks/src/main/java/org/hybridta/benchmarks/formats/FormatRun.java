package org.hybridta.benchmarks.formats;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.formats.RowBatch;
import org.hybridta.formats.TableFormat;
import org.hybridta.formats.TableWriter;
import org.hybridta.formats.WriteOptions;

/**
 * The large run end to end, as the pipeline will stream it: {@code --symbols} synthetic symbols from
 * 2015 to mid-2026 with the 18 catalog indicators, fetched and computed {@code --part} symbols at a time on
 * the CPU and appended to one Parquet or DuckDB file. Prints the time spent computing and writing (the
 * caller's time inside {@code append} and {@code commit}), the process's CPU time, rows, file size and the
 * peak heap; run it with {@code -Xmx2g} to show that memory is bounded by a part. {@code --write-only}
 * computes one part once and appends it again and again (symbols renamed), so that the process's CPU time
 * is the writer's: a measure that holds on a machine busy with other work, where wall times do not.
 *
 * <pre>java -Xmx2g -cp benchmarks/target/benchmarks.jar org.hybridta.benchmarks.formats.FormatRun --format parquet --symbols 5000 --out /tmp/run.parquet</pre>
 */
public final class FormatRun {
    private FormatRun() {}

    public static void main(String[] args) throws IOException {
        TableFormat format = TableFormat.PARQUET;
        int symbols = 5_000, partSize = 100;
        boolean reuse = false;
        WriteOptions options = WriteOptions.defaults();
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--format" -> format = TableFormat.valueOf(args[++i].toUpperCase(Locale.ROOT));
                case "--symbols" -> symbols = Integer.parseInt(args[++i]);
                case "--part" -> partSize = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--level" -> options = options.withCompressionLevel(Integer.parseInt(args[++i]));
                case "--row-group" -> options = options.withRowGroupRows(Integer.parseInt(args[++i]));
                case "--write-only" -> reuse = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (--format, --symbols, --part, --out, --level, --row-group, --write-only)");
            }
        }
        if (out == null) out = Path.of("run." + format.extension());
        SyntheticRun.Part reused = null;
        if (reuse) {
            try (ComputeBackend cpu = Backends.open("cpu")) {
                reused = SyntheticRun.part(0, partSize, cpu);
            }
        }
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();

        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime(), compute = 0, write = 0, rows;
        try (ComputeBackend cpu = Backends.open("cpu"); TableWriter writer = format.open(out, SyntheticRun.schema(), options)) {
            RowBatch batch = RowBatch.of(writer.schema());
            for (int first = 0; first < symbols; first += partSize) {
                long t0 = System.nanoTime();
                SyntheticRun.Part part = reused != null ? reused : SyntheticRun.part(first, Math.min(partSize, symbols - first), cpu);
                long t1 = System.nanoTime();
                SyntheticRun.append(writer, batch, part, reused != null ? "." + first : "");
                compute += t1 - t0;
                write += System.nanoTime() - t1;
            }
            long t2 = System.nanoTime();
            writer.commit();
            write += System.nanoTime() - t2;
            rows = writer.rows();
        }
        long total = System.nanoTime() - start;
        long cpu = os.getProcessCpuTime() - cpuStart;
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peakHeap += pool.getPeakUsage().getUsed();
        }
        long size = Files.size(out);
        System.out.printf(Locale.ROOT, "%s: %d symbols, %,d rows, %d columns, %d processors, heap limit %.0f MB%n", format.extension(),
                symbols, rows, SyntheticRun.schema().size(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1e6);
        System.out.printf(Locale.ROOT, "  total %.1f s = fetch and compute %.1f s + write %.1f s (%.2f M rows/s while writing)%n",
                total / 1e9, compute / 1e9, write / 1e9, rows / (write / 1e3));
        System.out.printf(Locale.ROOT, "  process CPU %.1f s (all threads; the machine's load average was %.1f)%n", cpu / 1e9, os.getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "  file %,d bytes (%.1f bytes/row), zstd level %d, heap peak %.0f MB (sum of the pools' peaks)%n",
                size, (double) size / rows, options.compressionLevel(), peakHeap / 1e6);
    }
}
