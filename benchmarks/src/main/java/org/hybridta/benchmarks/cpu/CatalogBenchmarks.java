package org.hybridta.benchmarks.cpu;

import com.tictactec.ta.lib.Core;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.hybridta.BarSeries;
import org.hybridta.Panel;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole catalog (18 indicators, default parameters, 24 outputs) for a panel: 500 symbols of 2,520
 * bars (ten years of trading days), and one symbol of a million bars.
 *
 * <p>HybridTA computes everything in one {@code compute} call, on all cores (its default) and on one
 * thread. TA-Lib and ta4j loop over symbols and indicators as their users would, on one thread, and
 * — for a fair comparison with HybridTA's default — in a parallel stream over all (symbol, indicator)
 * pairs on the common fork-join pool, which uses every core. Outputs are allocated by every call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class CatalogBenchmarks {
    /** {@code symbols x bars}. */
    @Param({"500x2520", "1x1000000"})
    public String shape;

    private final List<Indicator> catalog = Indicators.catalog();
    private Panel panel;
    private ComputeBackend allCores, oneThread;
    private Core core;
    private List<TaLibCalls.Inputs> arrays;
    private List<org.ta4j.core.BarSeries> ta4jSeries;

    @Setup
    public void setUp(BenchmarkParams params) {
        String[] sb = shape.split("x");
        List<BarSeries> universe = SeededBars.universe(Integer.parseInt(sb[0]), Integer.parseInt(sb[1]), 42);
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        switch (method) {
            case "hybridta" -> {
                panel = Panel.of(universe);
                allCores = Backends.open("cpu");
            }
            case "hybridtaOneThread" -> {
                panel = Panel.of(universe);
                oneThread = Backends.open("cpu", BackendOptions.builder().threads(1).build());
            }
            case "talib", "talibParallel" -> {
                core = new Core();
                arrays = universe.stream().map(TaLibCalls.Inputs::of).toList();
            }
            case "ta4j", "ta4jParallel" -> ta4jSeries = universe.stream().map(Ta4jCalls::series).toList();
            default -> throw new IllegalStateException("no set-up for benchmark " + method);
        }
    }

    @TearDown
    public void tearDown() {
        if (allCores != null) allCores.close();
        if (oneThread != null) oneThread.close();
    }

    /** HybridTA CPU backend with default options (a thread per core), one call. */
    @Benchmark
    public void hybridta(Blackhole bh) {
        bh.consume(allCores.compute(panel, catalog));
    }

    /** HybridTA CPU backend on one thread, one call. */
    @Benchmark
    public void hybridtaOneThread(Blackhole bh) {
        bh.consume(oneThread.compute(panel, catalog));
    }

    /** TA-Lib, looping over symbols and indicators on one thread. */
    @Benchmark
    public void talib(Blackhole bh) {
        int ni = catalog.size();
        double[][][] out = new double[arrays.size() * ni][][];
        for (int s = 0; s < arrays.size(); s++) {
            for (int i = 0; i < ni; i++) out[s * ni + i] = TaLibCalls.compute(core, catalog.get(i), arrays.get(s));
        }
        bh.consume(out);
    }

    /** TA-Lib in a parallel stream over (symbol, indicator) pairs. */
    @Benchmark
    public void talibParallel(Blackhole bh) {
        int ni = catalog.size();
        double[][][] out = new double[arrays.size() * ni][][];
        // Core holds only settings, which nothing changes, so the threads share it
        IntStream.range(0, out.length).parallel()
                .forEach(p -> out[p] = TaLibCalls.compute(core, catalog.get(p % ni), arrays.get(p / ni)));
        bh.consume(out);
    }

    /** ta4j, looping over symbols and indicators on one thread; a call takes seconds, so fewer iterations. */
    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public void ta4j(Blackhole bh) {
        int ni = catalog.size();
        double[][][] out = new double[ta4jSeries.size() * ni][][];
        for (int s = 0; s < ta4jSeries.size(); s++) {
            for (int i = 0; i < ni; i++) out[s * ni + i] = Ta4jCalls.compute(catalog.get(i), ta4jSeries.get(s));
        }
        bh.consume(out);
    }

    /** ta4j in a parallel stream over (symbol, indicator) pairs; each task builds its own indicators. */
    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public void ta4jParallel(Blackhole bh) {
        int ni = catalog.size();
        double[][][] out = new double[ta4jSeries.size() * ni][][];
        IntStream.range(0, out.length).parallel()
                .forEach(p -> out[p] = Ta4jCalls.compute(catalog.get(p % ni), ta4jSeries.get(p / ni)));
        bh.consume(out);
    }
}
