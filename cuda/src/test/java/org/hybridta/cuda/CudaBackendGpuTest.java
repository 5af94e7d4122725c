package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hybridta.Field;
import org.hybridta.HostPanel;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.hybridta.conformance.BackendConformanceTest;
import org.hybridta.conformance.FirstIndicators;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CUDA backend against the CPU backend on fresh random panels of awkward shapes (see {@link Compare}
 * for the tolerances); skipped without a GPU. The backends are reused across shapes, so stale device
 * buffers from an earlier shape would show up as differences.
 */
@RequiresGpu
class CudaBackendGpuTest {
    private static ComputeBackend dbl, flt, cpu;

    @BeforeAll static void open() {
        dbl = Backends.open("cuda", BackendOptions.builder().precision(Precision.DOUBLE).build());
        flt = Backends.open("cuda", BackendOptions.builder().precision(Precision.FLOAT).build());
        cpu = Backends.open("cpu");
    }

    @AfterAll static void close() {
        if (dbl != null) dbl.close();
        if (flt != null) flt.close();
        if (cpu != null) cpu.close();
    }

    static Stream<Arguments> shapes() {
        return Stream.of(Arguments.of(1, 1, false), Arguments.of(1, 252, false), Arguments.of(33, 300, true),
                Arguments.of(31, 1000, false), Arguments.of(257, 600, true), Arguments.of(10_000, 252, true),
                Arguments.of(3, 100_000, false));
    }

    @ParameterizedTest(name = "{0} series x {1} bars, ragged {2}")
    @MethodSource("shapes")
    void doubleEqualsCpu(int series, int bars, boolean ragged) {
        Panel p = RandomPanels.of(System.nanoTime(), series, bars, ragged);
        List<Indicator> specs = CudaSpecs.conformance();
        assertMatches(specs, dbl.compute(p, specs), cpu.compute(p, specs), 0);
    }

    /** Float outputs are the double results rounded once: within half a float ulp (6e-8 relative) of them, far inside 1e-5. */
    @ParameterizedTest(name = "{0} series x {1} bars, ragged {2}")
    @MethodSource("shapes")
    void floatIsTheDoubleResultRounded(int series, int bars, boolean ragged) {
        Panel p = RandomPanels.of(System.nanoTime(), series, bars, ragged);
        List<Indicator> specs = CudaSpecs.conformance();
        assertMatches(specs, flt.compute(p, specs), cpu.compute(p, specs), 0x1p-24);
    }

    /**
     * A request too large for one pass (100 columns of 100,000-bar series: 2.6 GB of staging a group of 32) runs in
     * several, through compute and through computeInto, with the CPU's values.
     */
    @Test void aRequestTooLargeForOnePassRunsInSeveral() {
        Panel p = RandomPanels.of(System.nanoTime(), 33, 100_000, true);
        List<Indicator> specs = SegmentedPathCases.specs();
        assertThat(CudaBackend.batches(specs, 100_000, 8, Long.MAX_VALUE)).as("passes").hasSizeGreaterThan(1);
        IndicatorValues ref = cpu.compute(p, specs);
        assertMatches(specs, dbl.compute(p, specs), ref, 0);

        HostPanel.Builder hb = HostPanel.builder(p.seriesCount(), p.barCount()).lengths(p.shape().lengths());
        for (Field f : p.fields()) hb.field(f, direct(p.data(f)));
        List<java.nio.DoubleBuffer> outs = new ArrayList<>();
        for (int c = 0; c < ref.columns().size(); c++) {
            outs.add(java.nio.ByteBuffer.allocateDirect(p.seriesCount() * p.barCount() * 8).order(java.nio.ByteOrder.nativeOrder()).asDoubleBuffer());
        }
        dbl.computeInto(hb.build(), specs, outs);
        double[][] got = new double[outs.size()][];
        for (int c = 0; c < got.length; c++) {
            got[c] = new double[p.seriesCount() * p.barCount()];
            outs.get(c).get(0, got[c]);
        }
        assertMatches(specs, IndicatorValues.of(p, ref.columns(), got), ref, 0);
    }

    private static java.nio.DoubleBuffer direct(double[] values) {
        java.nio.DoubleBuffer b = java.nio.ByteBuffer.allocateDirect(values.length * 8).order(java.nio.ByteOrder.nativeOrder()).asDoubleBuffer();
        b.put(0, values);
        return b;
    }

    @Test void tinyBudgetForcesManyChunksAndGivesTheSameResult() {
        Panel p = RandomPanels.of(System.nanoTime(), 1000, 700, true);
        List<Indicator> specs = CudaSpecs.catalog();
        IndicatorValues whole = dbl.compute(p, specs);
        // 4 inputs + 25 outputs + staging: 9.7 MB per group of 32 series; 12 MB allows one group in one slot
        ChunkPlan plan = ChunkPlan.plan(1000, 700, 4, 25, 0, 8, 12_000_000, ChunkPlan.DEFAULT_HOST_SLOT_BYTES);
        assertThat(plan.chunks()).isEqualTo(32);
        for (Precision precision : Precision.values()) {
            try (ComputeBackend small = Backends.open("cuda", BackendOptions.builder().precision(precision).deviceMemoryBudget(12_000_000).build());
                 ComputeBackend big = Backends.open("cuda", BackendOptions.builder().precision(precision).build())) {
                IndicatorValues chunked = small.compute(p, specs), one = big.compute(p, specs);
                for (int c = 0; c < whole.columns().size(); c++) {
                    assertThat(chunked.data(c)).as("%s, %s", whole.columns().get(c), precision).isEqualTo(one.data(c));
                }
            }
        }
        assertMatches(specs, whole, cpu.compute(p, specs), 0);
    }

    /**
     * Outputs parked in spare device buffers while the result arrays are allocated, and the slots' own path, mixed:
     * 32 chunks of one group (5 MB of pinned staging a slot), all of them parked where the budget allows, then
     * only some; the same bits as one chunk.
     */
    @Test void outputsParkedOnTheDeviceGiveTheSameResult() {
        Panel p = RandomPanels.of(System.nanoTime(), 1000, 700, true);
        List<Indicator> specs = FirstIndicators.all();   // one batch within 80 MB: a growing catalog would split it
        int outputs = Indicators.columns(specs).size();
        for (Precision precision : Precision.values()) {
            try (ComputeBackend big = Backends.open("cuda", BackendOptions.builder().precision(precision).build())) {
                IndicatorValues one = big.compute(p, specs);
                // 9.7 MB of device memory per group in a slot, 4.5 MB (double) of outputs per parked chunk
                for (long budget : new long[] {0, 80_000_000}) {
                    try (CudaBackend b = CudaBackend.open(BackendOptions.builder().precision(precision).deviceMemoryBudget(budget).build())) {
                        b.hostSlotBytes(5_000_000);
                        b.holdOutputsOnDevice(true);
                        for (int call = 0; call < 2; call++) {  // the second call reuses the spare buffers
                            IndicatorValues parked = b.compute(p, specs);
                            for (int c = 0; c < one.columns().size(); c++) {
                                assertThat(parked.data(c)).as("%s, %s, budget %d", one.columns().get(c), precision, budget).isEqualTo(one.data(c));
                            }
                        }
                        // 32 chunks of one group (double) or 16 of two (float), six of them in the slots; a smaller budget parks fewer
                        ChunkPlan plan = ChunkPlan.plan(1000, 700, 4, outputs, 0, precision == Precision.FLOAT ? 4 : 8, 1L << 40, 5_000_000);
                        int all = plan.chunks() - plan.slots();
                        assertThat(parkedChunks(b.profile())).as("%s, budget %d", precision, budget).isBetween(1, all);
                        if (budget == 0) assertThat(parkedChunks(b.profile())).isEqualTo(all);
                    }
                }
            }
        }
    }

    private static int parkedChunks(String profile) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) chunks parked").matcher(profile);
        assertThat(m.find()).as(profile).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test void openComputeCloseReturnsDeviceMemory() {
        try (org.hybridta.cuda.driver.CudaDevice diag = org.hybridta.cuda.driver.CudaDevice.open(-1)) {  // keeps the primary context alive to measure
            // a first, identical cycle lets the context grow what it keeps for itself (lazily loaded kernel code,
            // stream and launch resources); after that, a cycle must give back every byte
            Panel panel = RandomPanels.of(7, 2000, 1500, false);
            try (ComputeBackend warm = Backends.open("cuda")) {
                warm.compute(panel, CudaSpecs.catalog());
            }
            long before = free(diag);
            ComputeBackend b = Backends.open("cuda");
            b.compute(panel, CudaSpecs.catalog());
            assertThat(((CudaBackend) b).deviceBytesInUse()).isPositive();
            b.close();
            b.close();  // twice is safe
            long after = free(diag);
            assertThat(after).as("free device memory after close (before: %d)", before).isEqualTo(before);
            assertThatThrownBy(() -> b.compute(RandomPanels.of(1, 1, 10, false), List.of(Indicators.ema(3))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }

    @Test void autoChoosesCudaAndSaysWhat() {
        assertThat(Backends.choose("auto").name()).isEqualTo("cuda");
        assertThat(dbl.description()).startsWith("cuda (").endsWith("double)");
        assertThat(new CudaBackendProvider().deviceCount()).isPositive();
    }

    @Test void missingFieldIsRefusedByName() {
        Panel p = Panel.builder(2, 10).field(Field.CLOSE, new double[20]).build();
        assertThatThrownBy(() -> dbl.compute(p, List.of(Indicators.obv())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("obv needs volume");
    }

    static void assertMatches(List<? extends Indicator> specs, IndicatorValues got, IndicatorValues ref, double rounding) {
        assertThat(got.columns()).isEqualTo(ref.columns());
        assertThat(Compare.check(specs, got, ref, rounding)).as("outputs differing from the CPU backend").isEmpty();
    }

    /** Free device memory in bytes, with {@code device}'s context current. */
    private static long free(org.hybridta.cuda.driver.CudaDevice device) {
        device.makeCurrent();
        return device.memInfo()[0];
    }
}
