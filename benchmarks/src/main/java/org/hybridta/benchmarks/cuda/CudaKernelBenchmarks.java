package org.hybridta.benchmarks.cuda;

import java.util.concurrent.TimeUnit;
import org.hybridta.backend.Precision;
import org.hybridta.cuda.CudaDiagnostics;
import java.util.ArrayList;
import java.util.List;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
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

/**
 * Each indicator's kernel alone, on a device-resident panel of {@code series x bars} synthetic random walks
 * in the kernels' grouped time-major layout; one operation is one launch followed by a synchronization.
 * Effective bandwidth = (inputs read once + outputs written once) / time, compared by {@link CudaPlots}
 * with {@link CudaCopyBenchmarks#deviceCopy}, a device-to-device copy (read + write). Each kernel's time axis is
 * cut into segments as the backend would cut it (printed as "kernel layout: ..." in the log), or as {@link #segments} says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
public class CudaKernelBenchmarks {
    /** The catalog's default specs. */
    @Param({"sma", "ema", "wma", "dema", "tema", "rsi", "macd", "bbands", "atr", "trange", "stoch", "adx", "cci", "willr", "roc",
            "mom", "obv", "mfi"})
    public String indicator;

    @Param({"DOUBLE", "FLOAT"})
    public Precision precision;

    @Param("10000")
    public int series;

    @Param("25000")
    public int bars;

    /** Time segments per kernel launch: 0 as the backend plans them (kernels that cannot be segmented always run 1). */
    @Param("0")
    public int segments;

    /**
     * One context for every trial of the JVM: {@link #main} runs the whole catalog in one JVM, and opening the device
     * again for each of its 220 functions would cost a context each (about 0.3 s on the H100); the process's
     * end releases it.
     */
    private static CudaDiagnostics diagnostics;
    private CudaDiagnostics.Timed kernel;

    @Setup public void setUp() {
        synchronized (CudaKernelBenchmarks.class) {
            if (diagnostics == null) diagnostics = CudaDiagnostics.open(-1);
        }
        kernel = diagnostics.kernel(Indicators.parse(indicator), precision, series, bars, 42, segments);
        System.out.println("kernel layout: " + kernel.layout());
    }

    @TearDown public void tearDown() {
        kernel.close();
    }

    @Benchmark public void kernel() {
        kernel.runAndSync();
    }

    /**
     * Every catalog function's kernel at its defaults (double), with the device copy as the ceiling, in one JVM
     * with short iterations: the catalog's bandwidth table. Arguments: JMH's result file (JSON); optionally
     * {@code SERIESxBARS} (default 10000x25000).
     */
    public static void main(String[] args) throws RunnerException {
        List<String> all = new ArrayList<>();
        for (Indicator i : Indicators.catalog()) all.add(i.spec());
        String[] shape = (args.length > 1 ? args[1] : "10000x25000").split("x");
        OptionsBuilder o = new OptionsBuilder();
        o.include(CudaKernelBenchmarks.class.getName() + "\\.kernel$").include(CudaCopyBenchmarks.class.getName() + "\\.deviceCopy$")
                .param("indicator", all.toArray(String[]::new)).param("precision", "DOUBLE")
                .param("series", shape[0]).param("bars", shape[1])
                .forks(0).warmupIterations(1).warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(3).measurementTime(TimeValue.milliseconds(150)).shouldFailOnError(false);
        if (args.length > 0) o.resultFormat(ResultFormatType.JSON).result(args[0]);
        new Runner(o.build()).run();
    }
}
