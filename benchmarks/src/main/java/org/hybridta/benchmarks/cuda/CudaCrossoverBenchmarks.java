package org.hybridta.benchmarks.cuda;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hybridta.Panel;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.hybridta.conformance.FirstIndicators;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * CPU backend (all cores) against CUDA backend, all 18 catalog indicators (25 outputs) per call, through the
 * public API, the whole panel in one call ({@link CudaPerSymbolBenchmarks} makes one call per series).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms16g", "-Xmx96g"})
@Warmup(iterations = 1, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
public class CudaCrossoverBenchmarks {
    /** {@code cpu}, {@code cuda} (double) or {@code cuda-float}. */
    @Param({"cpu", "cuda", "cuda-float"})
    public String backend;

    @Param({"1x252", "10x2520", "100x2520", "1000x2520", "10000x2520", "10000x25000"})
    public String shape;

    Panel panel;
    ComputeBackend compute;
    List<Indicator> catalog;

    @Setup public void setUp() {
        int[] s = BenchPanels.shape(shape);
        panel = BenchPanels.ohlcv(s[0], s[1], 7, false);
        compute = open(backend);
        catalog = FirstIndicators.supportedBy(compute);
    }

    static ComputeBackend open(String backend) {
        return switch (backend) {
            case "cpu" -> Backends.open("cpu");
            case "cuda" -> Backends.open("cuda", BackendOptions.builder().precision(Precision.DOUBLE).build());
            case "cuda-float" -> Backends.open("cuda", BackendOptions.builder().precision(Precision.FLOAT).build());
            default -> throw new IllegalArgumentException("backend " + backend);
        };
    }

    @TearDown public void tearDown() {
        compute.close();
    }

    @Benchmark public void panel(Blackhole bh) {
        bh.consume(compute.compute(panel, catalog));
    }
}
