package org.hybridta.benchmarks.cuda;

import java.util.concurrent.TimeUnit;
import org.hybridta.cuda.CudaDiagnostics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two ceilings the CUDA benchmarks are measured against: the device's copy bandwidth (a
 * device-to-device copy of 2 GB, one double column of a 10,000 x 25,000 panel; it reads and writes, so
 * it moves 4 GB) and the pinned host-device bandwidth each way (256 MiB copies).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class CudaCopyBenchmarks {
    /** Bytes of the device copy. */
    public static final long COPY_BYTES = 2_000_000_000L;
    /** Bytes of each pinned copy. */
    public static final long PINNED_BYTES = 256L << 20;

    private CudaDiagnostics diagnostics;
    private CudaDiagnostics.Timed copy, up, down;

    @Setup public void setUp() {
        diagnostics = CudaDiagnostics.open(-1);
        copy = diagnostics.deviceCopy(COPY_BYTES);
        up = diagnostics.pinnedCopy(PINNED_BYTES, true);
        down = diagnostics.pinnedCopy(PINNED_BYTES, false);
    }

    @TearDown public void tearDown() {
        diagnostics.close();
    }

    @Benchmark public void deviceCopy() {
        copy.runAndSync();
    }

    @Benchmark public void pinnedToDevice() {
        up.runAndSync();
    }

    @Benchmark public void pinnedToHost() {
        down.runAndSync();
    }
}
