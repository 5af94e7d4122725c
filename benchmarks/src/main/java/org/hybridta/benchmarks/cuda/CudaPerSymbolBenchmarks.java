package org.hybridta.benchmarks.cuda;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hybridta.Panel;
import org.hybridta.backend.ComputeBackend;
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
 * The work of {@link CudaCrossoverBenchmarks#panel} done one series per call, as a notebook looping over
 * symbols would: one operation computes all 18 catalog indicators for every series of the panel.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
@Warmup(iterations = 1, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
public class CudaPerSymbolBenchmarks {
    @Param({"cpu", "cuda"})
    public String backend;

    @Param({"10x2520", "100x2520", "1000x2520"})
    public String shape;

    private Panel[] series;
    private ComputeBackend compute;
    private List<Indicator> catalog;

    @Setup public void setUp() {
        int[] s = BenchPanels.shape(shape);
        Panel p = BenchPanels.ohlcv(s[0], s[1], 7, false);
        series = new Panel[s[0]];
        for (int i = 0; i < s[0]; i++) {
            Panel.Builder b = Panel.builder(1, p.barCount());
            for (var f : p.fields()) b.field(f, p.series(f, i));
            series[i] = b.build();
        }
        compute = CudaCrossoverBenchmarks.open(backend);
        catalog = FirstIndicators.supportedBy(compute);
    }

    @TearDown public void tearDown() {
        compute.close();
    }

    @Benchmark public void perSymbol(Blackhole bh) {
        for (Panel one : series) bh.consume(compute.compute(one, catalog));
    }
}
