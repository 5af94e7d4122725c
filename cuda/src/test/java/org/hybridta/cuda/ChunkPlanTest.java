package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Chunk planning. Runs without a GPU. */
class ChunkPlanTest {
    private static final long BIG = 60L << 30;
    private static final long CEILING = ChunkPlan.MAX_PINNED_CEILING;

    @Test void aSmallPanelIsOneChunkInOneSlot() {
        ChunkPlan p = ChunkPlan.plan(500, 2520, 1, 1, 0, 8, BIG, ChunkPlan.DEFAULT_HOST_SLOT_BYTES);
        assertThat(p.chunks()).isEqualTo(1);
        assertThat(p.slots()).isEqualTo(1);
        assertThat(p.seriesPerChunk()).isEqualTo(500);
        assertThat(p.capacity()).isEqualTo(512);
        assertThat(p.stageBytes()).isEqualTo(512L * 2520 * 8);
        assertThat(p.deviceBytesPerSlot()).isEqualTo(512L * 2520 * 8 * 3 + 512 * 4);
    }

    @Test void oneSeriesOneBarTakesOneGroup() {
        ChunkPlan p = ChunkPlan.plan(1, 1, 4, 25, 6, 8, BIG, ChunkPlan.DEFAULT_HOST_SLOT_BYTES);
        assertThat(p.chunks()).isEqualTo(1);
        assertThat(p.capacity()).isEqualTo(32);
        assertThat(p.seriesPerChunk()).isEqualTo(1);
    }

    @Test void aLargePanelIsCutToTheHostStagingSizeAndPipelined() {
        ChunkPlan p = ChunkPlan.plan(10_000, 25_000, 1, 1, 0, 8, BIG, 64L << 20);
        assertThat(p.slots()).isEqualTo(ChunkPlan.MAX_SLOTS);
        assertThat(p.hostBytesPerSlot()).isLessThanOrEqualTo((64L << 20) + p.lengthBytes());
        assertThat((long) p.chunks() * p.seriesPerChunk()).isGreaterThanOrEqualTo(10_000);
        assertThat((long) (p.chunks() - 1) * p.seriesPerChunk()).isLessThan(10_000);
        assertThat(p.seriesPerChunk() % 32).isZero();
    }

    @Test void aTinyBudgetMakesManyChunksThatStayWithinIt() {
        long budget = 12_000_000;
        ChunkPlan p = ChunkPlan.plan(1000, 700, 4, 25, 28, 8, budget, ChunkPlan.DEFAULT_HOST_SLOT_BYTES);
        assertThat(p.deviceBytes()).isLessThanOrEqualTo(budget);
        assertThat(p.chunks()).isEqualTo(32);  // one group of 32 series per chunk
        assertThat(p.seriesPerChunk()).isEqualTo(32);
        assertThat(p.slots()).isBetween(1, ChunkPlan.MAX_SLOTS);
    }

    @Test void aWideRequestGetsChunksOfEightGroupsInFewerSlotsWithinThePinnedCeiling() {
        // 250 columns of 2,477 bars: 158.5 MB of staging a group, so 64 MB a slot would mean chunks of one group
        ChunkPlan narrow = ChunkPlan.plan(1000, 2477, 5, 250, 0, 8, BIG, ChunkPlan.DEFAULT_HOST_SLOT_BYTES);
        assertThat(narrow.seriesPerChunk()).isEqualTo(32);
        assertThat(narrow.chunks()).isEqualTo(32);
        ChunkPlan wide = ChunkPlan.plan(1000, 2477, 5, 250, 0, 8, BIG, ChunkPlan.DEFAULT_HOST_SLOT_BYTES, ChunkPlan.MIN_CHUNK_GROUPS, CEILING);
        assertThat(wide.seriesPerChunk()).isEqualTo(ChunkPlan.MIN_CHUNK_GROUPS * 32);
        assertThat(wide.chunks()).isEqualTo(4);
        assertThat(wide.slots()).isEqualTo(3);
        assertThat(wide.stageBytes() * wide.slots()).isLessThanOrEqualTo(CEILING);
        // a panel of fewer groups: one chunk of all of them
        ChunkPlan few = ChunkPlan.plan(100, 2477, 5, 250, 0, 8, BIG, ChunkPlan.DEFAULT_HOST_SLOT_BYTES, ChunkPlan.MIN_CHUNK_GROUPS, CEILING);
        assertThat(few.chunks()).isEqualTo(1);
        assertThat(few.slots()).isEqualTo(1);
        assertThat(few.seriesPerChunk()).isEqualTo(100);
        // the device budget still rules: room for one group in one slot gives chunks of one group
        ChunkPlan tight = ChunkPlan.plan(1000, 2477, 5, 250, 0, 8, 400_000_000L, ChunkPlan.DEFAULT_HOST_SLOT_BYTES, ChunkPlan.MIN_CHUNK_GROUPS, CEILING);
        assertThat(tight.deviceBytes()).isLessThanOrEqualTo(400_000_000L);
        assertThat(tight.seriesPerChunk()).isEqualTo(32);
        // a request narrow enough for eight groups in 64 MB plans as before
        ChunkPlan plain = ChunkPlan.plan(10_000, 25_000, 1, 1, 0, 8, BIG, 64L << 20, ChunkPlan.MIN_CHUNK_GROUPS, CEILING);
        assertThat(plain).isEqualTo(ChunkPlan.plan(10_000, 25_000, 1, 1, 0, 8, BIG, 64L << 20));
    }

    @Test void aLowerPinnedCeilingGivesNarrowerChunksInFewerSlots() {
        // 1 GiB: two slots of three groups (951 MB), where 4 GiB gave three slots of eight
        ChunkPlan p = ChunkPlan.plan(1000, 2477, 5, 250, 0, 8, BIG, ChunkPlan.DEFAULT_HOST_SLOT_BYTES, ChunkPlan.MIN_CHUNK_GROUPS, 1L << 30);
        assertThat(p.seriesPerChunk()).isEqualTo(3 * 32);
        assertThat(p.slots()).isEqualTo(2);
        assertThat(p.stageBytes() * p.slots()).isLessThanOrEqualTo(1L << 30);
        long physical = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        assertThat(ChunkPlan.pinnedCeiling()).isEqualTo(Math.min(ChunkPlan.MAX_PINNED_CEILING, physical / 16));
    }

    @Test void aGroupWiderThanHalfThePinnedCeilingStaysAlone() {
        // 2,000 columns of 4,000 bars: 2 GB of staging a group
        ChunkPlan p = ChunkPlan.plan(1000, 4000, 1, 2000, 0, 8, 1L << 40, ChunkPlan.DEFAULT_HOST_SLOT_BYTES, ChunkPlan.MIN_CHUNK_GROUPS, CEILING);
        assertThat(p.seriesPerChunk()).isEqualTo(32);
    }

    @Test void budgetsTooSmallForOneGroupAreRefusedWithTheFix() {
        assertThatThrownBy(() -> ChunkPlan.plan(10, 100_000, 4, 25, 0, 8, 1_000_000, ChunkPlan.DEFAULT_HOST_SLOT_BYTES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deviceMemoryBudget");
    }

    @Test void floatHalvesTheOutputBytesOnly() {
        ChunkPlan d = ChunkPlan.plan(100, 1000, 3, 6, 0, 8, BIG, ChunkPlan.DEFAULT_HOST_SLOT_BYTES);
        ChunkPlan f = ChunkPlan.plan(100, 1000, 3, 6, 0, 4, BIG, ChunkPlan.DEFAULT_HOST_SLOT_BYTES);
        assertThat(f.outputBytes() * 2).isEqualTo(d.outputBytes());
        assertThat(f.inputBytes()).isEqualTo(d.inputBytes());
        assertThat(f.stageBytes()).isEqualTo(128L * 1000 * 8 * 3);  // inputs (3 doubles) outweigh outputs (6 floats)
        assertThat(d.stageBytes()).isEqualTo(128L * 1000 * 8 * 6);
    }

    @Test void anEmptyPanelNeedsNothing() {
        assertThat(ChunkPlan.plan(0, 100, 1, 1, 0, 8, BIG, 1).chunks()).isZero();
        assertThat(ChunkPlan.plan(10, 0, 1, 1, 0, 8, BIG, 1).chunks()).isZero();
    }
}
