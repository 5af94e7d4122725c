package org.hybridta.benchmarks.xsection;

import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.hybridta.xsection.AlignedReturns;
import org.hybridta.xsection.CrossSection;
import org.hybridta.xsection.Measure;
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
 * The correlation matrix through the public API ({@link CrossSection#analyze}): shifting the returns, the product on
 * the engine (with its transfers), and the host's pass that turns it into correlations, with a new result matrix each
 * call: what a user waits for.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx24g"})
@Warmup(iterations = 2, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
public class CorrelationBenchmarks {
    /** {@code cpu} or {@code cuda}. */
    @Param({"cpu", "cuda"})
    public String engine;

    /** Symbols x days. */
    @Param({"500x2520", "10000x2520"})
    public String shape;

    AlignedReturns returns;
    CrossSection request;

    @Setup public void setUp() {
        int[] s = BenchReturns.shape(shape);
        returns = BenchReturns.of(s[0], s[1], 42);
        request = CrossSection.builder().backend(engine).measures(EnumSet.of(Measure.CORRELATION)).build();
    }

    @Benchmark public void analyze(Blackhole bh) {
        bh.consume(request.analyze(returns));
    }
}
