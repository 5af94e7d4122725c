package org.hybridta.benchmarks.cpu;

import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Why {@link SeriesBenchmarks} composes ta4j's STOCH and WILLR: ta4j 0.17's own
 * {@code StochasticOscillatorKIndicator} and {@code WilliamsRIndicator} against the composition from
 * {@code HighestValueIndicator}/{@code LowestValueIndicator} (see {@link Ta4jCalls}), on series short
 * enough to finish. Four times the bars costs the classes about sixteen times the time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class Ta4jQuadraticBenchmarks {
    @Param({"stoch", "willr"})
    public String indicator;

    @Param({"10000", "40000"})
    public int bars;

    private Indicator spec;
    private org.ta4j.core.BarSeries series;

    @Setup
    public void setUp() {
        spec = Indicators.parse(indicator);
        series = Ta4jCalls.series(SeededBars.series("BENCH", 42, bars));
    }

    /** ta4j's own indicator class. */
    @Benchmark
    public void ta4jClass(Blackhole bh) {
        bh.consume(Ta4jCalls.computeWithOwnClasses(spec, series));
    }

    /** The composition the other benchmarks use. */
    @Benchmark
    public void ta4jComposed(Blackhole bh) {
        bh.consume(Ta4jCalls.compute(spec, series));
    }
}
