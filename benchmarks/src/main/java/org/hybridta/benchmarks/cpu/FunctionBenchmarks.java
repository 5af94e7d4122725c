package org.hybridta.benchmarks.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hybridta.BarSeries;
import org.hybridta.Panel;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.conformance.TaLibCCall;
import org.hybridta.functions.Functions;
import org.hybridta.functions.Kernel;
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
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Every function of the catalog (TA-Lib's default parameters) over one series of a million bars, on one thread:
 * HybridTA's kernel into output arrays reused between calls ({@link Kernel}), HybridTA's {@code compute} (new
 * output arrays per call, aligned to the dates), TA-Lib C 0.6 -O3 called natively in the same run
 * ({@link TaLibCalls}), and ta4j 0.17 where it has the indicator ({@link Ta4jCalls}).
 *
 * <p>Run {@link #main} (or {@code java -cp benchmarks.jar org.hybridta.benchmarks.cpu.FunctionBenchmarks}) for the
 * whole catalog: the function list is derived from {@link Indicators#catalog()}; the {@code @Param} default is a
 * sample for a plain JMH run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
// 5 s of warm-up: the kernels reach their final compiled form only after about 2 s
@Warmup(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class FunctionBenchmarks {
    /** A catalog function, computed with TA-Lib's default parameters. */
    @Param({"sma", "ema", "rsi", "macd", "bbands", "stoch", "adx", "cci"})
    public String function;

    @Param("1000000")
    public int bars;

    private Indicator spec;
    private Kernel kernel;
    private double[][] in, out;
    private List<Indicator> specs;
    private Panel panel;
    private ComputeBackend oneThread;
    private TaLibCCall talib;
    private org.ta4j.core.BarSeries ta4jSeries;

    @Setup
    public void setUp(BenchmarkParams params) {
        spec = Indicators.parse(function);
        BarSeries series = SeededBars.series("BENCH", 42, bars);
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        switch (method) {
            case "hybridta" -> {
                kernel = Functions.kernel(spec);
                in = new double[spec.inputFields().size()][];
                for (int k = 0; k < in.length; k++) in[k] = series.values(spec.inputFields().get(k));
                out = new double[spec.outputs().size()][bars];
            }
            case "hybridtaCompute" -> {
                specs = List.of(spec);
                panel = Panel.of(series);
                oneThread = Backends.open("cpu", BackendOptions.builder().threads(1).build());
            }
            case "talibC" -> talib = TaLibCalls.prepare(spec, series);
            case "ta4j" -> ta4jSeries = Ta4jCalls.series(series);
            default -> throw new IllegalStateException("no set-up for benchmark " + method);
        }
    }

    @TearDown
    public void tearDown() {
        if (oneThread != null) oneThread.close();
        if (talib != null) talib.close();
    }

    /** HybridTA's CPU kernel, one thread, into the same output arrays every call. */
    @Benchmark
    public void hybridta(Blackhole bh) {
        kernel.compute(in, 0, bars, out);
        bh.consume(out);
    }

    /** HybridTA's CPU backend on one thread: new output arrays per call. */
    @Benchmark
    public void hybridtaCompute(Blackhole bh) {
        bh.consume(oneThread.compute(panel, specs));
    }

    /** TA-Lib C, {@code TA_CallFunc} into its prepared native buffers. */
    @Benchmark
    public void talibC(Blackhole bh) {
        bh.consume(talib.run());
    }

    /** New ta4j indicator objects, every bar evaluated; a call takes up to seconds, so fewer iterations. */
    @Benchmark
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 4, time = 1)
    public void ta4j(Blackhole bh) {
        bh.consume(Ta4jCalls.compute(spec, ta4jSeries));
    }

    /** Runs every catalog function: HybridTA and TA-Lib C for all, ta4j for those it has. Arguments: JMH's result file (JSON). */
    public static void main(String[] args) throws RunnerException {
        List<String> all = new ArrayList<>(), ta4j = new ArrayList<>();
        for (Indicator i : Indicators.catalog()) {
            all.add(i.name());
            if (Ta4jCalls.has(i)) ta4j.add(i.name());
        }
        String name = FunctionBenchmarks.class.getName();
        OptionsBuilder ours = new OptionsBuilder();
        ours.include(name + "\\.(hybridta|hybridtaCompute|talibC)$").param("function", all.toArray(String[]::new));
        if (args.length > 0) ours.resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON).result(args[0]);
        new Runner(ours.build()).run();
        OptionsBuilder theirs = new OptionsBuilder();
        theirs.include(name + "\\.ta4j$").param("function", ta4j.toArray(String[]::new));
        if (args.length > 0) theirs.resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON).result(args[0].replace(".json", "-ta4j.json"));
        new Runner(theirs.build()).run();
    }
}
