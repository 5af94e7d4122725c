package org.hybridta.benchmarks.cuda;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hybridta.Field;
import org.hybridta.HostPanel;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
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
 * End to end through the public API, transfers and host copies included: EMA(20) of a
 * {@code 10,000 x 25,000} close-only panel, from Java arrays into a new result ({@link #endToEnd}) and from
 * and into page-locked host buffers of {@code allocateHostBuffer} ({@link #endToEndHost}), against the transfer
 * floor made of the pinned host-to-device and device-to-host bandwidths ({@link CudaCopyBenchmarks}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms48g", "-Xmx48g", "-XX:+AlwaysPreTouch"})  // a result is 2 GB: keep GC out of the way
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class CudaTransferBenchmarks {
    @Param({"DOUBLE", "FLOAT"})
    public Precision precision;

    @Param("10000x25000")
    public String shape;

    private Panel panel;
    private HostPanel hostPanel;
    private List<Buffer> hostOutputs;
    private ComputeBackend cuda;
    private final List<Indicator> ema = List.of(Indicators.ema(20));

    @Setup public void setUp(BenchmarkParams params) {
        int[] s = BenchPanels.shape(shape);
        panel = BenchPanels.ohlcv(s[0], s[1], 42, true);
        cuda = Backends.open("cuda", BackendOptions.builder().precision(precision).build());
        if (params.getBenchmark().endsWith("endToEndHost")) {
            // the input filled once, the output allocated once: both page-locked by the backend
            long cells = (long) s[0] * s[1];
            DoubleBuffer close = cuda.allocateHostBuffer(cells * Double.BYTES).asDoubleBuffer();
            close.put(0, panel.data(Field.CLOSE));
            hostPanel = HostPanel.builder(s[0], s[1]).field(Field.CLOSE, close).build();
            ByteBuffer out = cuda.allocateHostBuffer(cells * (precision == Precision.FLOAT ? Float.BYTES : Double.BYTES));
            hostOutputs = List.of(precision == Precision.FLOAT ? out.asFloatBuffer() : out.asDoubleBuffer());
            panel = null;  // 2 GB of heap the host variant does not need
        }
    }

    @TearDown public void tearDown() {
        cuda.close();
    }

    @Benchmark public void endToEnd(Blackhole bh) {
        IndicatorValues v = cuda.compute(panel, ema);
        bh.consume(v.data(0));
    }

    /** The same computation from and into caller-owned page-locked memory: no result array, no staging copies. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-XX:MaxDirectMemorySize=8g"})  // no result on the heap: no 48 GB to pre-touch
    public void endToEndHost(Blackhole bh) {
        cuda.computeInto(hostPanel, ema, hostOutputs);
        bh.consume(hostOutputs.get(0));
    }
}
