package org.hybridta.benchmarks.sweep;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hybridta.Universe;
import org.hybridta.backend.Precision;
import org.hybridta.cuda.CudaSweepDiagnostics;
import org.hybridta.source.SyntheticQuoteSource;
import org.hybridta.sweep.Reduction;
import org.hybridta.sweep.Sweep;
import org.hybridta.sweep.SweepEngine;
import org.hybridta.sweep.Sweeps;
import org.hybridta.sweep.UniverseBars;
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
 * A sweep over {@code symbols} synthetic symbols x 10 years (2,516 bars each; {@code symbols = 500}: the S&P 500):
 * {@code cube} returns every value in Java arrays (GPU: computed, transposed, downloaded), {@code cubeOnDevice} (cuda
 * only) computes the cube into device memory and downloads nothing, {@code cubeKernels} (cuda only) times the kernels
 * alone on inputs uploaded beforehand (the rate set against the device copy, which moves nothing over PCIe),
 * {@code reduced} returns only last, mean, min, max, a count and the latest close crossing per series. Values written per second: sets x outputs x symbols x bars over
 * the time (EMA 2..201: 200 x 1; the BBANDS grid: 200 x 3).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx64g"})
@Warmup(iterations = 2, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class SweepBenchmarks {
    @Param({"cpu", "cuda"}) public String backend;
    @Param({"ema:2..201", "bbands:10..29:0.75..3/0.25:nbdevup"}) public String grid;
    @Param({"double", "float"}) public String precision;
    @Param({"500"}) public int symbols;
    /** CUDA only: streams the kernels of a batch of parameter sets run on at once where they are not one launch (the engine's default: 32). */
    @Param({"32"}) public int lanes;

    private UniverseBars bars;
    private Sweep sweep;
    private Precision p;
    private SweepEngine engine;
    private CudaSweepDiagnostics diagnostics;
    private List<Reduction> reductions;
    private Runnable kernels;

    @Setup public void setUp() {
        Universe universe = symbols == 500 ? Universe.sp500() : Universe.of(ScreenBenchmarks.names(symbols));
        try (var source = SyntheticQuoteSource.builder().anySymbol(true).build()) {
            bars = UniverseBars.fetch(universe, source, LocalDate.of(2015, 1, 1), LocalDate.of(2025, 1, 1), 0);
        }
        sweep = Sweep.parse(grid);
        p = Precision.valueOf(precision.toUpperCase(java.util.Locale.ROOT));
        reductions = Reduction.parseList("last,mean,min,max,count:>100,cross");
        if (backend.equals("cuda")) {
            diagnostics = CudaSweepDiagnostics.open(-1, lanes);
            engine = diagnostics.engine();
            // for cubeKernels (JMH runs each benchmark in its own fork: nothing else resizes the engine's buffers there)
            kernels = diagnostics.kernelsOnDevice(bars.panel(), sweep, p);
        } else {
            engine = Sweeps.open("cpu");
        }
    }

    @TearDown public void tearDown() {
        if (diagnostics != null) diagnostics.close();
        else engine.close();
    }

    @Benchmark public void cube(Blackhole bh) {
        bh.consume(engine.cube(bars.panel(), sweep, p));
    }

    @Benchmark public void cubeOnDevice() {
        if (diagnostics == null) throw new UnsupportedOperationException("cubeOnDevice is for --backend cuda (-p backend=cuda)");
        diagnostics.computeOnDevice(bars.panel(), sweep, p);
    }

    @Benchmark public void cubeKernels() {
        if (kernels == null) throw new UnsupportedOperationException("cubeKernels is for --backend cuda (-p backend=cuda)");
        kernels.run();
    }

    @Benchmark public void reduced(Blackhole bh) {
        bh.consume(engine.reduce(bars.panel(), sweep, bars.first(), reductions, p));
    }
}
