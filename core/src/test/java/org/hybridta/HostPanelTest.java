package org.hybridta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import org.junit.jupiter.api.Test;

class HostPanelTest {
    private static DoubleBuffer direct(int values) {
        return ByteBuffer.allocateDirect(values * Double.BYTES).order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }

    @Test void negativeOrTooLargeShapesAreRefused() {
        assertThatThrownBy(() -> HostPanel.builder(-1, 5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seriesCount must be >= 0, was -1");
        assertThatThrownBy(() -> HostPanel.builder(2, -3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("barCount must be >= 0, was -3");
        assertThatThrownBy(() -> HostPanel.builder(20_000, 20_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("400000000 cells, more than one direct buffer holds").hasMessageContaining("split it");
    }

    @Test void heapBuffersAreRefusedByField() {
        assertThatThrownBy(() -> HostPanel.builder(2, 3).field(Field.CLOSE, DoubleBuffer.allocate(6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("close: the buffer is a heap buffer, not direct")
                .hasMessageContaining("allocateHostBuffer");
    }

    @Test void foreignByteOrderIsRefused() {
        ByteOrder other = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        DoubleBuffer wrong = ByteBuffer.allocateDirect(48).order(other).asDoubleBuffer();
        assertThatThrownBy(() -> HostPanel.builder(2, 3).field(Field.HIGH, wrong))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("high: the buffer's byte order is " + other)
                .hasMessageContaining("order(ByteOrder.nativeOrder())");
    }

    @Test void tooSmallBuffersAreRefusedWithBothSizes() {
        assertThatThrownBy(() -> HostPanel.builder(2, 3).field(Field.VOLUME, direct(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("volume: the buffer holds 5 values, 6 needed (a host panel of 2 x 3)");
    }

    @Test void lengthsAndSymbolsAreChecked() {
        assertThatThrownBy(() -> HostPanel.builder(2, 3).lengths(1, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("length of series 1 is 4, outside [0, 3]");
        assertThatThrownBy(() -> HostPanel.builder(2, 3).lengths(1)).hasMessage("1 lengths for 2 series");
        assertThatThrownBy(() -> HostPanel.builder(2, 3).symbols("A")).hasMessage("1 symbols for 2 series");
        assertThatThrownBy(() -> HostPanel.builder(2, 3).symbols("A", null)).isInstanceOf(NullPointerException.class).hasMessage("symbol of series 1");
    }

    @Test void holdsTheCallersBuffersAndCopiesToAHeapPanel() {
        DoubleBuffer close = direct(8);  // larger than needed: allowed
        for (int i = 0; i < 8; i++) close.put(i, i + 1);
        close.position(5).limit(6);      // ignored: the panel reads from index 0 up to the capacity
        HostPanel p = HostPanel.builder(2, 3).symbols("A", "B").lengths(3, 1).field(Field.CLOSE, close).build();
        assertThat(p.data(Field.CLOSE)).isSameAs(close);
        assertThat(p.shape().cells()).isEqualTo(6);
        assertThat(p.fields()).containsExactly(Field.CLOSE);
        assertThat(p.shape().lengths()).containsExactly(3, 1);
        assertThatThrownBy(() -> p.data(Field.OPEN)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no open values");

        Panel heap = p.toPanel();
        assertThat(heap.shape().symbols()).containsExactly("A", "B");
        assertThat(heap.data(Field.CLOSE)).containsExactly(1, 2, 3, 4, Double.NaN, Double.NaN);  // after series B's end: NaN
        assertThat(close.position()).isEqualTo(5);
        assertThat(close.limit()).isEqualTo(6);
    }

    @Test void defaultsMatchPanel() {
        HostPanel p = HostPanel.builder(2, 4).build();
        assertThat(p.shape().symbols()).containsExactly("S0", "S1");
        assertThat(p.shape().lengths()).containsExactly(4, 4);
        assertThat(p.toString()).isEqualTo("HostPanel[2 series x 4 bars, no fields]");
    }
}
