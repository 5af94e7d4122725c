package org.hybridta.benchmarks.cpu;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.hybridta.BarSeries;
import org.hybridta.Panel;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.conformance.TaLibCCall;
import org.hybridta.functions.Functions;
import org.hybridta.functions.IntKernel;
import org.hybridta.functions.Kernel;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.io.AtomicFiles;
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
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every function of the catalog (TA-Lib's default parameters) over one series of a million bars, on one thread:
 * HybridTA's kernel into output arrays reused between calls ({@link Kernel}; for the functions whose outputs are all
 * integers — the patterns, HT_TRENDMODE, the index functions — {@link IntKernel}, which writes {@code int[]} as TA-Lib
 * C does, so that both write the same bytes), HybridTA's {@code compute} (new
 * output arrays per call, aligned to the dates), TA-Lib C 0.6 -O3 called natively in the same run
 * ({@link TaLibCalls}), and ta4j 0.17 where it has the indicator ({@link Ta4jCalls}).
 *
 * <p>Run {@link #main} (or {@code java -cp benchmarks.jar org.hybridta.benchmarks.cpu.FunctionBenchmarks}) for the
 * whole catalog, or a shard of it: the function list is derived from {@link Indicators#catalog()}; the
 * {@code @Param} default is a sample for a plain JMH run. {@code benchmarks/function-benchmarks.sh} runs the shards
 * in parallel JVMs and {@link FunctionReport} turns their results into tables and a plot.
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
    private IntKernel intKernel;
    private double[][] in, out;
    private int[][] intOut;
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
                if (spec.function().integerOutputs()) {
                    intKernel = Functions.intKernel(spec);
                    intOut = new int[spec.outputs().size()][bars];
                } else {
                    kernel = Functions.kernel(spec);
                    out = new double[spec.outputs().size()][bars];
                }
                in = new double[spec.inputFields().size()][];
                for (int k = 0; k < in.length; k++) in[k] = series.values(spec.inputFields().get(k));
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

    /** HybridTA's CPU kernel, one thread, into the same output arrays every call (ints where TA-Lib writes ints). */
    @Benchmark
    public void hybridta(Blackhole bh) {
        if (intKernel != null) {
            intKernel.compute(in, 0, bars, intOut);
            bh.consume(intOut);
        } else {
            kernel.compute(in, 0, bars, out);
            bh.consume(out);
        }
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

    /**
     * Runs catalog functions: HybridTA and TA-Lib C for each, ta4j for those it has, one result file for all.
     * <pre>FunctionBenchmarks [--shard K/N] [--quick | --smoke] [--functions a,b,...] [RESULT.json]</pre>
     * {@code --shard K/N} takes the functions (the catalog's, or those of {@code --functions}) whose position
     * modulo N is K - 1 (K from 1 to N; every
     * method of a function runs in the same shard), {@code --quick} shortens the iterations ({@value #QUICK}),
     * {@code --smoke} to one of 100 ms (a check that everything runs, not a measurement). Each function's methods run
     * back to back, so load that comes and goes touches HybridTA and TA-Lib C alike. The result is JMH's JSON, written
     * whole or not at all.
     */
    public static void main(String[] args) throws RunnerException, IOException {
        int shard = 1, shards = 1;
        String iterations = "";
        Set<String> only = null;
        Path result = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--quick") || a.equals("--smoke")) {
                iterations = a;
            } else if (a.equals("--shard") && i + 1 < args.length) {
                String[] kn = args[++i].split("/");
                try {
                    shard = Integer.parseInt(kn[0]);
                    shards = kn.length == 2 ? Integer.parseInt(kn[1]) : -1;
                } catch (NumberFormatException e) {
                    shards = -1;
                }
                if (shards < 1 || shard < 1 || shard > shards) usage("--shard wants K/N with 1 <= K <= N, was " + args[i]);
            } else if (a.equals("--functions") && i + 1 < args.length) {
                only = new LinkedHashSet<>(List.of(args[++i].toLowerCase(Locale.ROOT).split(",")));
            } else if (a.startsWith("-") || result != null) {
                usage("unknown argument " + a);
            } else {
                result = Path.of(a);
            }
        }
        List<String> ours = new ArrayList<>(), ta4j = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>();
        int position = 0;
        for (Indicator ind : Indicators.catalog()) {
            known.add(ind.name());
            if (only != null && !only.contains(ind.name())) continue;
            if (position++ % shards != shard - 1) continue;
            ours.add(ind.name());
            if (Ta4jCalls.has(ind)) ta4j.add(ind.name());
        }
        if (only != null && !known.containsAll(only)) {
            only.removeAll(known);
            usage("no such catalog function: " + String.join(", ", only));
        }
        if (result != null) AtomicFiles.checkTarget(result);
        List<RunResult> results = new ArrayList<>();
        for (String f : ours) {
            String methods = ta4j.contains(f) ? "(hybridta|hybridtaCompute|talibC|ta4j)" : "(hybridta|hybridtaCompute|talibC)";
            results.addAll(new Runner(options(iterations, methods, f)).run());
        }
        if (result != null) {
            AtomicFiles.write(result, out -> {
                PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
                ResultFormatFactory.getInstance(ResultFormatType.JSON, print).writeOut(results);
                print.flush();
            });
            System.err.println("FunctionBenchmarks: " + results.size() + " results in " + result);
        }
    }

    /** {@code --quick}: JMH's options for a whole catalog in minutes. */
    static final String QUICK = "-f 1 -wi 3 -w 400ms -i 4 -r 400ms";

    private static org.openjdk.jmh.runner.options.Options options(String iterations, String methods, String function) {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(Pattern.quote(FunctionBenchmarks.class.getName()) + "\\." + methods + "$")
                .param("function", function);
        if (iterations.equals("--quick")) {
            b.forks(1).warmupIterations(3).warmupTime(TimeValue.milliseconds(400))
                    .measurementIterations(4).measurementTime(TimeValue.milliseconds(400));
        } else if (iterations.equals("--smoke")) {
            b.forks(1).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100));
        }
        return b.build();
    }

    private static void usage(String problem) {
        System.err.println("FunctionBenchmarks: " + problem);
        System.err.println("usage: FunctionBenchmarks [--shard K/N] [--quick | --smoke] [--functions a,b,...] [RESULT.json]");
        System.exit(2);
    }
}
