package org.hybridta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BarSeriesTest {
    private static final LocalDate[] DATES = {LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 4)};
    private static final double[] O = {10, 11, 12}, H = {11, 12, 13}, L = {9, 10, 11}, C = {10.5, 11.5, 12.5}, V = {100, 200, 300};

    @Test
    void holdsCopiesOfItsColumns() {
        double[] close = C.clone();
        BarSeries s = BarSeries.of("AAPL", DATES, O, H, L, close, null, V);
        close[0] = -1;
        assertThat(s.close()).containsExactly(10.5, 11.5, 12.5);
        s.close()[1] = -1;
        assertThat(s.get(Field.CLOSE, 1)).isEqualTo(11.5);
        assertThat(s.adjClose()).as("adj close defaults to close").containsExactly(10.5, 11.5, 12.5);
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.date(2)).isEqualTo(LocalDate.of(2024, 1, 4));
        assertThat(s.epochDay(0)).isEqualTo((int) LocalDate.of(2024, 1, 2).toEpochDay());
        assertThat(s.values(Field.VOLUME)).containsExactly(100, 200, 300);
        assertThat(s).hasToString("BarSeries[AAPL, 3 bars, 2024-01-02..2024-01-04]");
        assertThat(s).isEqualTo(BarSeries.of("AAPL", DATES, O, H, L, C, C, V));
    }

    @Test
    void betweenKeepsTheBarsInTheHalfOpenRange() {
        BarSeries s = BarSeries.of("AAPL", DATES, O, H, L, C, null, V);
        BarSeries mid = s.between(LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 4));
        assertThat(mid.size()).isEqualTo(1);
        assertThat(mid.open()).containsExactly(11);
        assertThat(s.between(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)).isEmpty()).isTrue();
        assertThat(s.between(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1))).hasToString("BarSeries[AAPL, empty]");
    }

    @Test
    void blankSymbolsAreRefused() {
        assertThatThrownBy(() -> BarSeries.of(" ", DATES, O, H, L, C, null, V)).hasMessage("symbol must not be blank");
    }

    @Test
    void columnsOfTheWrongLengthAreRefusedNamingTheColumn() {
        assertThatThrownBy(() -> BarSeries.of("AAPL", DATES, O, new double[] {1, 2}, L, C, null, V))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("AAPL: high has 2 values but there are 3 dates");
        assertThatThrownBy(() -> BarSeries.of("AAPL", DATES, O, H, L, C, new double[4], V))
                .hasMessage("AAPL: adj_close has 4 values but there are 3 dates");
    }

    @Test
    void datesMustIncreaseStrictly() {
        LocalDate[] dup = {DATES[0], DATES[1], DATES[1]};
        assertThatThrownBy(() -> BarSeries.of("AAPL", dup, O, H, L, C, null, V))
                .hasMessage("AAPL: dates must be strictly increasing, but 2024-01-03 (bar 2) follows 2024-01-03");
        LocalDate[] back = {DATES[1], DATES[0], DATES[2]};
        assertThatThrownBy(() -> BarSeries.of("AAPL", back, O, H, L, C, null, V))
                .hasMessage("AAPL: dates must be strictly increasing, but 2024-01-02 (bar 1) follows 2024-01-03");
    }

    @Test
    void valuesMustBeFiniteAndVolumesNotNegative() {
        assertThatThrownBy(() -> BarSeries.of("AAPL", DATES, O, H, L, new double[] {1, Double.NaN, 3}, null, V))
                .hasMessage("AAPL: close is not a finite number at bar 1 (NaN)");
        assertThatThrownBy(() -> BarSeries.of("AAPL", DATES, O, H, new double[] {1, 2, Double.POSITIVE_INFINITY}, C, null, V))
                .hasMessage("AAPL: low is not a finite number at bar 2 (Infinity)");
        assertThatThrownBy(() -> BarSeries.of("AAPL", DATES, O, H, L, C, null, new double[] {1, -5, 3}))
                .hasMessage("AAPL: volume is negative at 2024-01-03");
    }
}
