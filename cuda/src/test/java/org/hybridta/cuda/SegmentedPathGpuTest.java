package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.Indicator;
import org.junit.jupiter.api.Test;

/** {@link SegmentedPathCases} on the GPU: 40 series (a full and a partial group) of up to 100,000 bars; skipped without a GPU. */
@RequiresGpu
class SegmentedPathGpuTest extends SegmentedPathCases {
    @Override ComputeBackend backend(Precision precision, int segments) {
        CudaBackend b = CudaBackend.open(BackendOptions.builder().precision(precision).build());
        b.forceSegments(segments);
        return b;
    }

    @Override int[] shape() { return new int[] {40, 100_000}; }

    @Override int[] forcedCounts() { return new int[] {3, 1000}; }

    /** On this shape the plan does cut the time axis of every segmentable kernel, into many segments. */
    @Test void thePlanCutsTheTimeAxis() {
        try (CudaBackend b = CudaBackend.open(BackendOptions.defaults())) {
            for (Indicator ind : specs()) {
                KernelCall call = KernelCall.of(ind);
                String entry = call.entry(Precision.DOUBLE);
                Segments s = Segments.plan(call, 2, 100_000, b.device().residentBlocks(entry, ChunkPlan.GROUP, call.sharedBytes()), 0);
                boolean segmentable = call.halo() >= 0 && call.globalRingDoubles() == 0;
                int wanted = Math.min(100_000 / Math.max(Segments.MIN_SEGMENT_BARS, 2 * call.halo()),
                        b.device().residentBlocks(entry, ChunkPlan.GROUP, call.sharedBytes()) / 2);
                int length = (100_000 + wanted - 1) / wanted;
                assertThat(s.count()).as(ind.spec()).isEqualTo(segmentable ? (100_000 + length - 1) / length : 1);
                if (segmentable) assertThat(s.count()).as(ind.spec()).isGreaterThan(1);
            }
        }
    }
}
