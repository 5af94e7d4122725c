package org.hybridta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hybridta.conformance.RandomBars;
import org.junit.jupiter.api.Test;

class PanelTest {

    @Test
    void raggedSeriesAreLaidOutSeriesMajorAndPaddedWithNaN() {
        BarSeries a = RandomBars.randomWalk("A", 1, 5), b = RandomBars.randomWalk("B", 2, 0), c = RandomBars.randomWalk("C", 3, 3);
        Panel p = Panel.of(List.of(a, b, c));
        assertThat(p.seriesCount()).isEqualTo(3);
        assertThat(p.barCount()).isEqualTo(5);
        assertThat(p.shape().lengths()).containsExactly(5, 0, 3);
        assertThat(p.shape().barTotal()).isEqualTo(8);
        assertThat(p.shape().symbols()).containsExactly("A", "B", "C");
        assertThat(p.fields()).containsExactlyInAnyOrder(Field.values());
        assertThat(p.series(Field.CLOSE, 2)).containsExactly(c.close());
        assertThat(p.series(Field.CLOSE, 1)).isEmpty();
        double[] close = p.data(Field.CLOSE);
        assertThat(close).hasSize(15);
        assertThat(close[2 * 5 + 1]).isEqualTo(c.close()[1]);
        assertThat(p.get(Field.HIGH, 0, 4)).isEqualTo(a.high()[4]);
        for (int t = 0; t < 5; t++) assertThat(p.get(Field.CLOSE, 1, t)).isNaN();
        assertThat(p.get(Field.CLOSE, 2, 3)).isNaN();
        assertThat(p).hasToString("Panel[3 series x 5 bars, open, high, low, close, adj_close, volume]");
    }

    @Test
    void theBuilderTakesSeriesMajorArrays() {
        double[] close = {1, 2, 3, 4, 5, 6};
        Panel p = Panel.builder(2, 3).field(Field.CLOSE, close).lengths(3, 2).symbols("X", "Y").build();
        assertThat(p.series(Field.CLOSE, 1)).containsExactly(4, 5);
        assertThat(p.has(Field.VOLUME)).isFalse();
        assertThat(Panel.builder(2, 1).field(Field.CLOSE, new double[2]).build().shape().symbols()).containsExactly("S0", "S1");
        assertThatThrownBy(() -> p.data(Field.VOLUME)).hasMessage("the panel has no volume values (it holds close)");
    }

    @Test
    void badShapesAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> Panel.builder(-1, 3)).hasMessage("seriesCount must be >= 0, was -1");
        assertThatThrownBy(() -> Panel.builder(1, -3)).hasMessage("barCount must be >= 0, was -3");
        assertThatThrownBy(() -> Panel.builder(100_000, 100_000)).hasMessage(
                "panel of 100000 series x 100000 bars has 10000000000 cells, more than one Java array holds (2147483639); split it into several panels");
        assertThatThrownBy(() -> Panel.builder(2, 3).field(Field.CLOSE, new double[5]))
                .hasMessage("close has 5 values; a panel of 2 x 3 needs 6");
        assertThatThrownBy(() -> Panel.builder(2, 3).lengths(3, 4)).hasMessage("length of series 1 is 4, outside [0, 3]");
        assertThatThrownBy(() -> Panel.builder(2, 3).lengths(3)).hasMessage("1 lengths for 2 series");
        assertThatThrownBy(() -> Panel.builder(2, 3).symbols("A")).hasMessage("1 symbols for 2 series");
    }

    @Test
    void indicatorValuesNameTheirColumns() {
        Panel p = Panel.builder(1, 2).field(Field.CLOSE, new double[] {1, 2}).build();
        IndicatorValues v = IndicatorValues.of(p, List.of("a", "b"), new double[][] {{1, 2}, {3, 4}});
        assertThat(v.series("b", 0)).containsExactly(3, 4);
        assertThat(v.get("a", 0, 1)).isEqualTo(2);
        assertThatThrownBy(() -> v.columnIndex("c")).hasMessage("no column c (columns: a, b)");
        assertThatThrownBy(() -> IndicatorValues.of(p, List.of("a"), new double[][] {{1, 2}, {3, 4}}))
                .hasMessage("1 column names for 2 arrays");
        assertThatThrownBy(() -> IndicatorValues.of(p, List.of("a", "a"), new double[][] {{1, 2}, {3, 4}}))
                .hasMessage("duplicate column a");
        assertThatThrownBy(() -> IndicatorValues.of(p, List.of("a"), new double[][] {{1, 2, 3}}))
                .hasMessage("column a has 3 values, expected 2");
    }
}
