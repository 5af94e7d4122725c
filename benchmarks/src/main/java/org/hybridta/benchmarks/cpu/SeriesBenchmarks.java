package org.hybridta.benchmarks.cpu;

import com.tictactec.ta.lib.Core;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * One indicator (default parameters) over one series of a million bars, by each library on one thread:
 * HybridTA's CPU backend opened with {@code threads = 1}, TA-Lib's Java port, and ta4j 0.17 on
 * {@code DoubleNum}. Every call allocates its outputs (see {@link TaLibCalls} and {@link Ta4jCalls}); the
 * inputs — HybridTA's {@link Panel}, TA-Lib's arrays, ta4j's bar series — are built once per trial, and
 * only the one the measured method needs.
 *
 * <p>HybridTA's default backend (all cores) computes one indicator of one series as one task on the
 * calling thread, so its time here would be the single-thread time; {@link CatalogBenchmarks} shows where
 * more threads help: the whole catalog over the same series, one task per indicator.
 *
 * <p>ta4j's STOCH and WILLR are composed from its parts, see {@link Ta4jCalls}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
// 5 s of warm-up: the kernels reach their final compiled form only after about 2 s (EMA: 5 ms/op, then 2.8)
@Warmup(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class SeriesBenchmarks {
    /** The catalog name of the indicator, computed with its default parameters. */
    @Param({"sma", "ema", "wma", "dema", "tema", "rsi", "macd", "bbands", "atr", "trange", "stoch", "adx", "cci",
            "willr", "roc", "mom", "obv", "mfi"})
    public String indicator;

    @Param("1000000")
    public int bars;

    private List<Indicator> spec;
    private Panel panel;
    private ComputeBackend oneThread;
    private Core core;
    private TaLibCalls.Inputs arrays;
    private org.ta4j.core.BarSeries ta4jSeries;

    @Setup
    public void setUp(BenchmarkParams params) {
        spec = List.of(Indicators.parse(indicator));
        BarSeries series = SeededBars.series("BENCH", 42, bars);
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        switch (method) {
            case "hybridta" -> {
                panel = Panel.of(series);
                oneThread = Backends.open("cpu", BackendOptions.builder().threads(1).build());
            }
            case "talib" -> {
                core = new Core();
                arrays = TaLibCalls.Inputs.of(series);
            }
            case "ta4j" -> ta4jSeries = Ta4jCalls.series(series);
            default -> throw new IllegalStateException("no set-up for benchmark " + method);
        }
    }

    @TearDown
    public void tearDown() {
        if (oneThread != null) oneThread.close();
    }

    /** HybridTA CPU backend, one thread. */
    @Benchmark
    public void hybridta(Blackhole bh) {
        bh.consume(oneThread.compute(panel, spec));
    }

    /** TA-Lib's function(s) for the indicator, into new output arrays. */
    @Benchmark
    public void talib(Blackhole bh) {
        bh.consume(TaLibCalls.compute(core, spec.get(0), arrays));
    }

    /** New ta4j indicator objects, every bar evaluated; a call takes up to seconds, so fewer iterations. */
    @Benchmark
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 4, time = 1)
    public void ta4j(Blackhole bh) {
        bh.consume(Ta4jCalls.compute(spec.get(0), ta4jSeries));
    }
}
