package org.hybridta.benchmarks.cuda;

import java.util.List;
import java.util.Locale;
import org.hybridta.Field;
import org.hybridta.HostPanel;
import org.hybridta.Panel;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.Indicators;

/**
 * Where the time of an end-to-end call goes: first the host's own ceilings for the result (allocating one
 * zeroed {@code double[]} of the panel's size, which the JVM does on one thread, and copying that many bytes
 * between the Java heap and off-heap memory on all cores), then EMA(20) over a close-only panel a few times
 * per precision, printing the wall time of each call, through {@code compute} (Java arrays) and through
 * {@code computeInto} (host buffers page-locked by {@code allocateHostBuffer}); with
 * {@code -Dorg.slf4j.simpleLogger.log.org.hybridta.cuda=debug} the backend logs its phases too.
 *
 * <pre>java -cp ... org.hybridta.benchmarks.cuda.CudaProfile [SERIESxBARS] [CALLS]</pre>
 */
public final class CudaProfile {
    private CudaProfile() {}

    public static void main(String[] args) {
        int[] s = BenchPanels.shape(args.length > 0 ? args[0] : "10000x25000");
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Panel panel = BenchPanels.ohlcv(s[0], s[1], 42, true);
        hostCeilings(s[0] * s[1], calls);
        for (Precision precision : Precision.values()) {
            try (ComputeBackend cuda = Backends.open("cuda", BackendOptions.builder().precision(precision).build())) {
                for (int i = 0; i < calls; i++) {
                    long t0 = System.nanoTime();
                    cuda.compute(panel, List.of(Indicators.ema(20)));
                    System.out.printf(Locale.ROOT, "%s %dx%d ema:20 call %d: %.1f ms%n", precision, s[0], s[1], i, (System.nanoTime() - t0) / 1e6);
                }
                long cells = (long) s[0] * s[1];
                long r0 = System.nanoTime();
                java.nio.DoubleBuffer close = cuda.allocateHostBuffer(cells * Double.BYTES).asDoubleBuffer();
                java.nio.ByteBuffer out = cuda.allocateHostBuffer(cells * (precision == Precision.FLOAT ? Float.BYTES : Double.BYTES));
                long r1 = System.nanoTime();
                close.put(0, panel.data(Field.CLOSE));
                HostPanel host = HostPanel.builder(s[0], s[1]).field(Field.CLOSE, close).build();
                List<java.nio.Buffer> outputs = List.of(precision == Precision.FLOAT ? out.asFloatBuffer() : out.asDoubleBuffer());
                System.out.printf(Locale.ROOT, "%s allocateHostBuffer (input and output, page-locked): %.1f ms%n", precision, (r1 - r0) / 1e6);
                for (int i = 0; i < calls; i++) {
                    long t0 = System.nanoTime();
                    cuda.computeInto(host, List.of(Indicators.ema(20)), outputs);
                    System.out.printf(Locale.ROOT, "%s %dx%d ema:20 computeInto call %d: %.1f ms%n", precision, s[0], s[1], i,
                            (System.nanoTime() - t0) / 1e6);
                }
            }
        }
    }

    /** Times {@code new double[cells]} and a parallel copy of {@code cells} doubles heap -> off-heap -> heap. */
    static void hostCeilings(int cells, int calls) {
        int threads = Runtime.getRuntime().availableProcessors();
        double[] src = new double[cells];
        java.util.Arrays.parallelSetAll(src, i -> i);
        java.nio.DoubleBuffer direct = java.nio.ByteBuffer.allocateDirect(cells * 8).order(java.nio.ByteOrder.nativeOrder()).asDoubleBuffer();
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            double[] fresh = new double[cells];
            long t1 = System.nanoTime();
            copy(cells, threads, (off, len) -> direct.put(off, src, off, len));
            long t2 = System.nanoTime();
            copy(cells, threads, (off, len) -> direct.get(off, fresh, off, len));
            long t3 = System.nanoTime();
            double gb = cells * 8 / 1e9;
            System.out.printf(Locale.ROOT, "host %d doubles: new double[] %.1f ms (%.1f GB/s, one thread); heap->direct %.1f ms (%.1f GB/s), "
                    + "direct->heap %.1f ms (%.1f GB/s) on %d threads%n", cells, (t1 - t0) / 1e6, gb / ((t1 - t0) / 1e9), (t2 - t1) / 1e6,
                    gb / ((t2 - t1) / 1e9), (t3 - t2) / 1e6, gb / ((t3 - t2) / 1e9), threads);
            if (fresh[cells - 1] != cells - 1) throw new IllegalStateException("copy check failed");
        }
    }

    private interface Range {
        void copy(int offset, int length);
    }

    private static void copy(int cells, int threads, Range r) {
        int piece = (cells + 2 * threads - 1) / (2 * threads);
        java.util.stream.IntStream.range(0, 2 * threads).parallel().forEach(k -> {
            int off = k * piece, len = Math.min(piece, cells - off);
            if (len > 0) r.copy(off, len);
        });
    }
}
