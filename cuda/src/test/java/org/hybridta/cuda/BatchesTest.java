package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hybridta.Field;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.Test;

/** How the CUDA backend cuts a request too large for one pass ({@link CudaBackend#batches}); no GPU needed. */
class BatchesTest {
    private static boolean fits(List<Indicator> batch, int bars, long budget) {
        Set<Field> fields = EnumSet.noneOf(Field.class);
        int outputs = 0, ring = 0;
        for (Indicator ind : batch) {
            KernelCall c = KernelCall.of(ind);
            fields.addAll(c.inputs());
            outputs += c.outputs();
            ring += c.globalRingDoubles();
        }
        return ChunkPlan.fits(bars, fields.size(), outputs, ring, 8, budget);
    }

    @Test void aRequestThatFitsIsOnePass() {
        assertThat(CudaBackend.batches(CudaSpecs.catalog(), 25_000, 8, 64L << 30)).containsExactly(CudaSpecs.catalog());
    }

    @Test void aRequestTooLargeForOneStagingBufferIsCutInOrderIntoPassesThatFit() {
        List<Indicator> specs = SegmentedPathCases.specs();   // 100 columns: 2.6 GB of staging a group at 100,000 bars
        assertThat(fits(specs, 100_000, Long.MAX_VALUE)).isFalse();
        List<List<Indicator>> batches = CudaBackend.batches(specs, 100_000, 8, Long.MAX_VALUE);
        assertThat(batches).hasSizeBetween(2, 4).allSatisfy(b -> assertThat(fits(b, 100_000, Long.MAX_VALUE)).isTrue());
        List<Indicator> joined = new ArrayList<>();
        batches.forEach(joined::addAll);
        assertThat(joined).isEqualTo(specs);
    }

    @Test void aTightDeviceBudgetCutsToo() {
        List<Indicator> specs = CudaSpecs.catalog();
        long budget = 40L << 20;   // 40 MB: a group of 32 series of 25,000 bars with every indicator needs far more
        assertThat(fits(specs, 25_000, budget)).isFalse();
        List<List<Indicator>> batches = CudaBackend.batches(specs, 25_000, 8, budget);
        assertThat(batches).hasSizeGreaterThan(1).allSatisfy(b -> assertThat(b.size() == 1 || fits(b, 25_000, budget)).isTrue());
    }

    @Test void anIndicatorThatFitsNowhereGetsAPassOfItsOwnForThePlanToRefuse() {
        List<Indicator> specs = List.of(Indicators.ema(10), Indicators.rsi(14));
        assertThat(CudaBackend.batches(specs, 100_000, 8, 1_000)).containsExactly(List.of(specs.get(0)), List.of(specs.get(1)));
    }
}
