package org.hybridta.xsection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.junit.jupiter.api.Test;

class AlignedReturnsTest {
    static BarSeries bars(String symbol, String[] dates, double... close) {
        LocalDate[] d = new LocalDate[dates.length];
        for (int i = 0; i < d.length; i++) d[i] = LocalDate.parse(dates[i]);
        double[] vol = new double[close.length];
        return BarSeries.of(symbol, d, close, close, close, close, null, vol);
    }

    @Test void alignsOnTheUnionOfDatesAndAMissingBarCostsTwoReturns() {
        BarSeries a = bars("A", new String[] {"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"}, 100, 110, 99, 99);
        BarSeries b = bars("B", new String[] {"2024-01-02", "2024-01-04", "2024-01-05", "2024-01-08"}, 50, 55, 44, 44);
        AlignedReturns r = AlignedReturns.align(List.of(a, b), Field.CLOSE, ReturnKind.SIMPLE);
        assertThat(r.symbols()).containsExactly("A", "B");
        assertThat(r.days()).isEqualTo(4);   // five calendar days, the first gives no return
        assertThat(r.date(0)).isEqualTo(LocalDate.of(2024, 1, 3));
        assertThat(r.date(3)).isEqualTo(LocalDate.of(2024, 1, 8));
        assertThat(r.row(0)).containsExactly(new double[] {0.1, 99.0 / 110 - 1, 0, Double.NaN}, org.assertj.core.data.Offset.offset(1e-15));
        // B has no bar on Jan 3: no return on Jan 3 nor on Jan 4 (that would span two days)
        assertThat(r.get(1, 0)).isNaN();
        assertThat(r.get(1, 1)).isNaN();
        assertThat(r.get(1, 2)).isEqualTo(44.0 / 55 - 1);
        assertThat(r.get(1, 3)).isEqualTo(0.0);
    }

    @Test void logReturnsAndTheirPrices() {
        BarSeries a = bars("A", new String[] {"2024-01-02", "2024-01-03"}, 100, 110);
        assertThat(AlignedReturns.align(List.of(a), Field.CLOSE, ReturnKind.LOG).get(0, 0)).isEqualTo(Math.log(1.1));
        BarSeries zero = bars("Z", new String[] {"2024-01-02", "2024-01-03"}, 1, 0);
        assertThatThrownBy(() -> AlignedReturns.align(List.of(zero), Field.CLOSE, ReturnKind.LOG))
                .hasMessage("Z: close is 0.0 on 2024-01-03: log returns need positive prices (use simple returns)");
        assertThat(AlignedReturns.align(List.of(zero), Field.CLOSE, ReturnKind.SIMPLE).get(0, 0)).isEqualTo(-1.0);
    }

    @Test void givenDirectlyAndChecked() {
        List<LocalDate> dates = List.of(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3));
        AlignedReturns r = AlignedReturns.of(List.of("X", "Y"), dates, List.of(new double[] {1, 2}, new double[] {3, Double.NaN}));
        assertThat(r.slice(1, 2).row(1)).containsExactly(Double.NaN);
        assertThat(r.head(1).symbols()).containsExactly("X");
        assertThatThrownBy(() -> AlignedReturns.of(List.of("X", "X"), dates, List.of(new double[2], new double[2])))
                .hasMessage("symbol X is given twice");
        assertThatThrownBy(() -> AlignedReturns.of(List.of("X"), dates, List.of(new double[3]))).hasMessage("X: 3 returns but 2 dates");
        assertThatThrownBy(() -> AlignedReturns.of(List.of("X"), List.of(dates.get(1), dates.get(0)), List.of(new double[2])))
                .hasMessageContaining("strictly increasing");
    }
}
