package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The registry's bookkeeping and range lookup, without a GPU (the driver calls are exercised by {@link ComputeIntoGpuTest}). */
class HostRegistryTest {
    private static HostRegistry.Range range(long address, long bytes) {
        return new HostRegistry.Range(address, bytes, ByteBuffer.allocateDirect(1));
    }

    @Test void findsTheRangeHoldingAWholeRegion() {
        HostRegistry r = new HostRegistry();
        HostRegistry.Range a = range(0x10000, 8192), b = range(0x20000, 4096);
        r.add(b);
        r.add(a);
        assertThat(r.find(0x10000, 8192)).isSameAs(a);          // all of it
        assertThat(r.find(0x10000 + 100, 8000)).isSameAs(a);    // inside
        assertThat(r.find(0x10000 + 8191, 1)).isSameAs(a);      // its last byte
        assertThat(r.find(0x10000 + 8192, 0)).isSameAs(a);      // empty, at its end
        assertThat(r.find(0x10000 + 100, 8093)).isNull();        // one byte past its end
        assertThat(r.find(0x10000 - 8, 16)).isNull();            // starts before it
        assertThat(r.find(0x10000 + 8192, 1)).isNull();         // the gap between the ranges
        assertThat(r.find(0x20000, 4096)).isSameAs(b);
        assertThat(r.find(0x20000, 4097)).isNull();
        assertThat(r.find(0x5, 1)).isNull();                     // below every range
        assertThat(r.find(-1, 8)).as("not registered at all").isNull();
        assertThat(r.find(0x20000, -1)).isNull();
    }

    @Test void aHugeRegionNeverWrapsAroundIntoARange() {
        HostRegistry r = new HostRegistry();
        r.add(range(0x7fff_ffff_0000_0000L, 4096));
        assertThat(r.find(0x7fff_ffff_0000_0000L, Long.MAX_VALUE)).isNull();
        assertThat(r.find(0x7fff_ffff_0000_0800L, 2048)).isNotNull();
    }

    @Test void overlappingRangesAreRefused() {
        HostRegistry r = new HostRegistry();
        r.add(range(0x10000, 8192));
        assertThatThrownBy(() -> r.add(range(0x11000, 4096))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlaps");
        assertThatThrownBy(() -> r.add(range(0xf000, 4097))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlaps");
        r.add(range(0xf000, 4096));  // touching is fine
        r.add(range(0x12000, 4096));
        assertThat(r.size()).isEqualTo(3);
    }

    @Test void removeAllEmptiesItAndGivesEveryRangeOnce() {
        HostRegistry r = new HostRegistry();
        r.add(range(0x10000, 4096));
        r.add(range(0x30000, 4096));
        assertThat(r.removeAll()).extracting(HostRegistry.Range::address).containsExactly(0x10000L, 0x30000L);
        assertThat(r.size()).isZero();
        assertThat(r.removeAll()).isEmpty();
        assertThat(r.find(0x10000, 1)).isNull();
    }
}
