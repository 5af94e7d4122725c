package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.hybridta.conformance.BackendConformanceTest;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kernels with their time axis cut into segments ({@link Segments}), against the CPU backend on long, ragged
 * random panels (walks that collapse to the price floor, flat stretches): every output within 1e-12 of
 * {@link Compare}'s scale, with the planned segment counts and with forced ones (few; and so many that halos
 * reach back over many segments and to bar 0). Subclasses run it on the GPU and on the CPU emulator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)  // the segment counts come from the subclass
abstract class SegmentedPathCases {
    static ComputeBackend cpu;

    @BeforeAll static void openCpu() { cpu = Backends.open("cpu"); }

    @AfterAll static void closeCpu() { if (cpu != null) cpu.close(); }

    /** A backend computing with {@code segments} segments per segmentable kernel (0: as planned). */
    abstract ComputeBackend backend(Precision precision, int segments);

    /** Series and bars of the panels. */
    abstract int[] shape();

    /** Segment counts to force besides the plan. */
    abstract int[] forcedCounts();

    /**
     * Every catalog indicator with several parameter sets, the conformance suite's and long and short ones (only some
     * functions' with {@code -Dhybridta.kernel.functions=...}, as {@link KernelConformanceCases#only}).
     */
    static List<Indicator> specs() {
        LinkedHashSet<Indicator> all = new LinkedHashSet<>(CudaSpecs.conformance());
        for (String s : List.of("ema:2", "ema:200", "rsi:2", "stoch:5:3:sma:3", "willr:50", "bbands:50:2.5:2.5", "obv", "tema:30",
                "macd:12:26:9", "cci:100", "stoch:30:5:sma:4", "atr:30", "roc:50", "mom:50", "dema:50",
                // CCI's register rings of each size class, padded and full; windows of other lengths; longer running sums
                "cci:3", "cci:13", "cci:24", "cci:31", "cci:32", "cci:33", "willr:2", "willr:33", "stoch:17:2:sma:5", "mfi:7", "wma:14",
                // tiles and rings together above 48 KB of shared memory, the rings alone below
                "willr:80", "mfi:80",
                // rings too large for shared memory: in global scratch memory, one segment
                "willr:150", "mfi:130", "cci:300", "stoch:120:9:sma:9",
                // ADX's segments reach back over flat stretches (trend.cuh's adxSpan): the shortest period decays fastest
                "adx:2", "adx:30")) {
            all.add(Indicators.parse(s));
        }
        return KernelConformanceCases.only(List.copyOf(all));
    }

    Stream<Integer> segmentCounts() {
        return Stream.concat(Stream.of(0), IntStream.of(forcedCounts()).boxed());
    }

    @ParameterizedTest(name = "segments {0} (0: planned)")
    @MethodSource("segmentCounts")
    void segmentedKernelsEqualTheCpu(int segments) {
        int[] shape = shape();
        Panel p = RandomPanels.of(System.nanoTime(), shape[0], shape[1], true);
        try (ComputeBackend b = backend(Precision.DOUBLE, segments)) {
            for (List<Indicator> specs : batches()) {
                IndicatorValues ref = cpu.compute(p, specs);
                assertThat(Compare.check(specs, b.compute(p, specs), ref, 0)).as("outputs differing from the CPU backend").isEmpty();
            }
        }
    }

    /**
     * {@link #specs()} in calls of at most 24 output columns: on 100,000-bar series a group of 32 series with all of
     * them needs more than the 2 GiB a staging buffer holds, which the backend refuses with a message.
     */
    static List<List<Indicator>> batches() {
        List<List<Indicator>> batches = new ArrayList<>();
        List<Indicator> batch = new ArrayList<>();
        int columns = 0;
        for (Indicator ind : specs()) {
            if (columns + ind.outputs().size() > 24) {
                batches.add(batch);
                batch = new ArrayList<>();
                columns = 0;
            }
            batch.add(ind);
            columns += ind.outputs().size();
        }
        if (!batch.isEmpty()) batches.add(batch);
        return batches;
    }

    /** Windows and lags are rebuilt exactly in a halo of their lookback: the bits of the unsegmented kernels. */
    @Test void windowKernelsGiveTheUnsegmentedBits() {
        int[] shape = shape();
        Panel p = RandomPanels.of(System.nanoTime(), shape[0], shape[1], true);
        List<Indicator> specs = new ArrayList<>();
        for (String s : List.of("willr:14", "willr:50", "cci:20", "cci:13", "cci:100", "trange", "roc:10", "mom:10", "stoch:1:1:sma:1",
                "aroon:14", "aroonosc:25", "avgdev:14")) specs.add(Indicators.parse(s));
        IndicatorValues whole;
        try (ComputeBackend one = backend(Precision.DOUBLE, 1)) {
            whole = one.compute(p, specs);
        }
        for (int segments : forcedCounts()) {
            try (ComputeBackend b = backend(Precision.DOUBLE, segments)) {
                IndicatorValues cut = b.compute(p, specs);
                for (int c = 0; c < whole.columns().size(); c++) {
                    assertThat(cut.data(c)).as("%s with %d segments", whole.columns().get(c), segments).isEqualTo(whole.data(c));
                }
            }
        }
    }

    /** Float outputs are the double results rounded once, segments or not. */
    @Test void floatIsTheDoubleResultRounded() {
        int[] shape = shape();
        Panel p = RandomPanels.of(System.nanoTime(), shape[0], shape[1], true);
        int segments = forcedCounts()[0];
        try (ComputeBackend d = backend(Precision.DOUBLE, segments); ComputeBackend f = backend(Precision.FLOAT, segments)) {
            for (List<Indicator> specs : batches()) {
                IndicatorValues dv = d.compute(p, specs), fv = f.compute(p, specs);
                for (int c = 0; c < dv.columns().size(); c++) {
                    double[] rounded = dv.data(c).clone();
                    for (int i = 0; i < rounded.length; i++) rounded[i] = (float) rounded[i];
                    assertThat(fv.data(c)).as(dv.columns().get(c)).isEqualTo(rounded);
                }
            }
        }
    }
}
