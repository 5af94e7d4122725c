package org.hybridta.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndicatorCsvTest {
    private static final double NaN = Double.NaN;

    @TempDir Path dir;

    private static BarSeries series(String symbol, int n) {
        LocalDate[] dates = new LocalDate[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            dates[i] = LocalDate.of(2024, 3, 1).plusDays(i);
            x[i] = 10 + i;
        }
        return BarSeries.of(symbol, dates, x, x, x, x, null, x);
    }

    @Test void writesDateThenOneColumnPerOutputWithEmptyCellsForNaN() throws IOException {
        BarSeries s = series("A", 3);
        double third = 1.0 / 3;
        IndicatorValues v = IndicatorValues.of(Panel.of(s), List.of("sma_2", "macd_2_3_1", "macd_2_3_1_signal"),
                new double[][] {{NaN, 10.5, 11.5}, {NaN, NaN, third}, {-0.0, 1e-20, 123456789012345678.0}});
        StringWriter w = new StringWriter();
        IndicatorCsv.write(w, s, v, 0);
        assertThat(w.toString()).isEqualTo("date,sma_2,macd_2_3_1,macd_2_3_1_signal\n"
                + "2024-03-01,,,-0.0\n"
                + "2024-03-02,10.5,,1.0E-20\n"
                + "2024-03-03,11.5," + third + ",1.2345678901234568E17\n");
        // every written value reads back to the very same double
        String[] last = w.toString().split("\n")[3].split(",");
        assertThat(Double.parseDouble(last[2])).isEqualTo(third);
        assertThat(Double.parseDouble(last[3])).isEqualTo(123456789012345678.0);
    }

    @Test void writesTheChosenSeriesOfAPanelAtomically() throws IOException {
        BarSeries a = series("A", 4), b = series("B", 2);
        // panel of 2 series x 4 bars: B is padded with NaN after its 2 bars
        IndicatorValues v = IndicatorValues.of(Panel.of(List.of(a, b)), List.of("obv"),
                new double[][] {{1, 2, 3, 4, 5e6, -6, NaN, NaN}});
        Path out = dir.resolve("b.csv");
        IndicatorCsv.write(out, b, v, 1);
        assertThat(Files.readString(out)).isEqualTo("date,obv\n2024-03-01,5000000\n2024-03-02,-6\n");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(out);
        }
    }

    @Test void refusesValuesOfAnotherSeries() {
        BarSeries a = series("A", 4), b = series("B", 2);
        IndicatorValues v = IndicatorValues.of(Panel.of(List.of(a, b)), List.of("obv"), new double[][] {new double[8]});
        assertThatThrownBy(() -> IndicatorCsv.write(new StringWriter(), a, v, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not belong to");
        assertThatThrownBy(() -> IndicatorCsv.write(dir.resolve("x.csv"), a, v, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(dir).isEmptyDirectory();
    }
}
