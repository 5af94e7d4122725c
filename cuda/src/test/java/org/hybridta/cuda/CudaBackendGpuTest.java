package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hybridta.Field;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CUDA backend against TA-Lib's Java port on fresh random panels of awkward shapes; skipped without a GPU. */
class CudaBackendGpuTest {
    private static ComputeBackend dbl, flt;

    @BeforeAll static void open() {
        assumeTrue(Gpu.available(), () -> "skipped: " + Gpu.whyNot());
        dbl = Backends.open("cuda", BackendOptions.builder().precision(Precision.DOUBLE).build());
        flt = Backends.open("cuda", BackendOptions.builder().precision(Precision.FLOAT).build());
    }

    @AfterAll static void close() {
        if (dbl != null) dbl.close();
        if (flt != null) flt.close();
    }

    static Stream<Arguments> shapes() {
        return Stream.of(Arguments.of(1, 1, false), Arguments.of(1, 252, false), Arguments.of(33, 300, true),
                Arguments.of(31, 1000, false), Arguments.of(257, 600, true), Arguments.of(10_000, 120, true));
    }

    @ParameterizedTest(name = "{0} series x {1} bars, ragged {2}")
    @MethodSource("shapes")
    void doubleEqualsTaLib(int series, int bars, boolean ragged) {
        Panel p = RandomPanels.of(System.nanoTime(), series, bars, ragged);
        List<Indicator> specs = TaLibReference.specs();
        assertMatches(dbl.compute(p, specs), p, specs, 1e-12, 1e-15);
    }

    @ParameterizedTest(name = "{0} series x {1} bars, ragged {2}")
    @MethodSource("shapes")
    void floatWithinTolerance(int series, int bars, boolean ragged) {
        Panel p = RandomPanels.of(System.nanoTime(), series, bars, ragged);
        List<Indicator> specs = TaLibReference.specs();
        assertMatches(flt.compute(p, specs), p, specs, 0, 1e-5);
    }

    @Test void tinyBudgetForcesManyChunksAndGivesTheSameResult() {
        Panel p = RandomPanels.of(System.nanoTime(), 1000, 700, true);
        List<Indicator> specs = Indicators.catalog();
        IndicatorValues whole = dbl.compute(p, specs);
        // 4 inputs + 25 outputs + staging: 9.7 MB per group of 32 series; 12 MB allows one group in one slot
        ChunkPlan plan = ChunkPlan.plan(1000, 700, 4, 25, 28, 8, 12_000_000, ChunkPlan.DEFAULT_HOST_SLOT_BYTES);
        assertThat(plan.chunks()).isGreaterThan(10);
        try (ComputeBackend small = Backends.open("cuda", BackendOptions.builder().deviceMemoryBudget(12_000_000).build())) {
            IndicatorValues chunked = small.compute(p, specs);
            for (int c = 0; c < whole.columns().size(); c++) {
                assertThat(chunked.data(c)).as(whole.columns().get(c)).isEqualTo(whole.data(c));
            }
            assertMatches(chunked, p, specs, 1e-12, 1e-15);
        }
    }

    @Test void openComputeCloseReturnsDeviceMemory() {
        try (CudaDiagnostics diag = CudaDiagnostics.open(-1)) {  // keeps the primary context alive to measure
            long before = diag.memoryInfo()[0];
            ComputeBackend b = Backends.open("cuda");
            b.compute(RandomPanels.of(7, 2000, 1500, false), Indicators.catalog());
            assertThat(((CudaBackend) b).deviceBytesInUse()).isPositive();
            b.close();
            b.close();  // twice is safe
            long after = diag.memoryInfo()[0];
            assertThat(after).as("free device memory after close (before: %d)", before).isEqualTo(before);
            assertThatThrownBy(() -> b.compute(RandomPanels.of(1, 1, 10, false), List.of(Indicators.ema(3))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }

    @Test void autoChoosesCuda() {
        assertThat(Backends.choose("auto").name()).isEqualTo("cuda");
        assertThat(dbl.description()).startsWith("cuda (").endsWith("double)");
    }

    @Test void missingFieldIsRefusedByName() {
        Panel p = Panel.builder(2, 10).field(Field.CLOSE, new double[20]).build();
        assertThatThrownBy(() -> dbl.compute(p, List.of(Indicators.obv())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("obv needs volume");
    }

    static void assertMatches(IndicatorValues got, Panel p, List<Indicator> specs, double rel, double scaleRel) {
        List<String> failures = new ArrayList<>();
        int col = 0;
        for (Indicator ind : specs) {
            double[][] ref = TaLibReference.compute(p, ind);
            for (int k = 0; k < ref.length; k++, col++) {
                String f = Compare.check(got.columns().get(col), got.data(col), ref[k], p.seriesCount(), p.barCount(), rel, scaleRel);
                if (f != null) failures.add(f);
            }
        }
        assertThat(failures).as("outputs differing from TA-Lib").isEmpty();
    }
}
