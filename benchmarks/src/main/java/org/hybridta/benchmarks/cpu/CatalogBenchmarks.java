package org.hybridta.benchmarks.cpu;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.hybridta.BarSeries;
import org.hybridta.Panel;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.conformance.FirstIndicators;
import org.hybridta.conformance.TaLibCCall;
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
 * The 18 indicators HybridTA began with ({@link FirstIndicators}, TA-Lib's default parameters) for a panel: 500 symbols
 * of 2,520 bars (ten years of trading days), and one symbol of a million bars.
 *
 * <p>HybridTA computes everything in one {@code compute} call, on all cores (its default) and on one
 * thread; its outputs are allocated by every call. TA-Lib C (called natively through {@link TaLibCalls}, into
 * buffers prepared per symbol and indicator) and ta4j loop over symbols and indicators as their users would,
 * on one thread, and — for a fair comparison with HybridTA's default — in a parallel stream over all
 * (symbol, indicator) pairs on the common fork-join pool, which uses every core.
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

    private final List<Indicator> catalog = FirstIndicators.all();
    private Panel panel;
    private ComputeBackend allCores, oneThread;
    private TaLibCCall[] talib;   // per (symbol, indicator)
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
                talib = new TaLibCCall[universe.size() * catalog.size()];
                for (int s = 0; s < universe.size(); s++) {
                    for (int i = 0; i < catalog.size(); i++) talib[s * catalog.size() + i] = TaLibCalls.prepare(catalog.get(i), universe.get(s));
                }
            }
            case "ta4j", "ta4jParallel" -> ta4jSeries = universe.stream().map(Ta4jCalls::series).toList();
            default -> throw new IllegalStateException("no set-up for benchmark " + method);
        }
    }

    @TearDown
    public void tearDown() {
        if (allCores != null) allCores.close();
        if (oneThread != null) oneThread.close();
        if (talib != null) for (TaLibCCall c : talib) c.close();
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

    /** TA-Lib C, looping over symbols and indicators on one thread. */
    @Benchmark
    public void talib(Blackhole bh) {
        long values = 0;
        for (TaLibCCall c : talib) values += c.run();
        bh.consume(values);
    }

    /** TA-Lib C in a parallel stream over (symbol, indicator) pairs (each prepared call is used by one task). */
    @Benchmark
    public void talibParallel(Blackhole bh) {
        bh.consume(IntStream.range(0, talib.length).parallel().mapToLong(p -> talib[p].run()).sum());
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
