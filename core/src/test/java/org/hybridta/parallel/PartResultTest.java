package org.hybridta.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.SymbolStatus;
import org.hybridta.source.FailureKind;
import org.junit.jupiter.api.Test;

class PartResultTest {

    @Test
    void roundTripsThroughBytes() {
        BarSeries a = BarSeries.of("A", new int[] {19000, 19001, 19004}, new double[] {1, 2, 3}, new double[] {2, 3, 4},
                new double[] {0.5, 1.5, 2.5}, new double[] {1.5, 2.5, 3.5}, new double[] {1.4, 2.4, 3.4}, new double[] {10, 20, 30});
        BarSeries b = BarSeries.of("B.B", new int[] {19001}, new double[] {5}, new double[] {6}, new double[] {4},
                new double[] {5.5}, null, new double[] {0});
        Panel shape = Panel.of(List.of(a, b));
        double nan = Double.NaN;
        IndicatorValues v = IndicatorValues.of(shape, List.of("x", "y_signal"),
                new double[][] {{nan, 1.25, -3e-300, 7, nan, nan}, {0.1, 0.2, 0.3, nan, nan, nan}});
        PartResult p = new PartResult(3, "rank 3@host", List.of(a, b), v,
                List.of(SymbolStatus.ok("A", 3), SymbolStatus.failed("ZZZ", FailureKind.NOT_FOUND, "no such symbol \"ZZZ\""),
                        SymbolStatus.ok("B.B", 1)), 123, 456, "cpu (2 threads, double)");
        PartResult back = PartResult.fromBytes(p.toBytes());
        assertThat(back.part()).isEqualTo(3);
        assertThat(back.worker()).isEqualTo("rank 3@host");
        assertThat(back.series()).containsExactly(a, b);
        assertThat(back.statuses()).isEqualTo(p.statuses());
        assertThat(back.fetchNanos()).isEqualTo(123);
        assertThat(back.computeNanos()).isEqualTo(456);
        assertThat(back.backend()).isEqualTo(p.backend());
        assertThat(back.values().columns()).containsExactly("x", "y_signal");
        for (int c = 0; c < 2; c++) assertThat(back.values().data(c)).isEqualTo(v.data(c));
    }

    @Test
    void emptyPartAndForeignBytes() {
        PartResult empty = new PartResult(0, "w", List.of(), null, List.of(), 0, 0, "");
        assertThat(PartResult.fromBytes(empty.toBytes()).series()).isEmpty();
        assertThatThrownBy(() -> PartResult.fromBytes(new byte[] {1, 2, 3, 4, 5})).hasMessageContaining("not a serialized PartResult");
        byte[] cut = java.util.Arrays.copyOf(empty.toBytes(), 10);
        assertThatThrownBy(() -> PartResult.fromBytes(cut)).hasMessageContaining("truncated");
    }
}
