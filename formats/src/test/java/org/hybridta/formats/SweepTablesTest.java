package org.hybridta.formats;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.file.Path;
import java.util.List;
import org.hybridta.BarSeries;
import org.hybridta.Panel;
import org.hybridta.backend.Precision;
import org.hybridta.source.Constituent;
import org.hybridta.source.FetchResult;
import org.hybridta.source.SyntheticQuoteSource;
import org.hybridta.sweep.Reduction;
import org.hybridta.sweep.Sweep;
import org.hybridta.sweep.SweepCube;
import org.hybridta.sweep.SweepEngine;
import org.hybridta.sweep.SweepSummary;
import org.hybridta.sweep.Sweeps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps as Parquet tables: every value of the range, keyed by symbol, date and the swept parameters; summaries one row a set. */
class SweepTablesTest {
    @TempDir Path dir;

    private static BarSeries bars(SyntheticQuoteSource source, String symbol, java.time.LocalDate from, int n) {
        BarSeries all = ((FetchResult.Ok) source.fetch(Constituent.of(symbol), from, from.plusDays(90))).series();
        return all.between(from, all.date(n - 1).plusDays(1));
    }

    @Test void theCubeAndTheSummaryReadBack() throws Exception {
        SyntheticQuoteSource source = SyntheticQuoteSource.builder().anySymbol(true).build();
        java.time.LocalDate from = java.time.LocalDate.of(2024, 1, 1);
        List<BarSeries> series = List.of(bars(source, "S0", from, 40), bars(source, "S1", from, 3), bars(source, "S2", from, 25));
        Panel panel = Panel.of(series);
        int[] first = {10, 3, 5};   // S1: nothing in the range
        Sweep sweep = Sweep.parse("bbands:5,6:1,2.5:nbdevup:sma,ema");
        try (SweepEngine engine = Sweeps.open("cpu")) {
            for (Precision p : Precision.values()) {
                SweepCube cube = engine.cube(panel, sweep, p);
                Path file = dir.resolve("cube-" + p + ".parquet");
                SweepTables.writeCube(cube, series, first, TableFormat.PARQUET, file);
                List<Object[]> rows = DuckDbReadBack.parquetRows(file);
                assertThat(rows).hasSize(sweep.size() * (30 + 20));
                assertThat(ParquetReadBack.footer(file).getFileMetaData().getSchema().getFields()).extracting(f -> f.getName())
                        .containsExactly("symbol", "date", "timeperiod", "nbdevup", "matype", "upperband", "middleband", "lowerband");
                // the first row: S0, its bar 10, the first set (5, 1, sma)
                Object[] r0 = rows.get(0);
                assertThat(r0[0]).isEqualTo("S0");
                assertThat(r0[1]).isEqualTo(series.get(0).epochDay(10));
                assertThat(r0[2]).isEqualTo(5);
                assertThat(r0[3]).isEqualTo(1.0);
                assertThat(r0[4]).isEqualTo("sma");
                assertThat((Double) r0[5]).isEqualTo(cube.get(0, 0, 0, 10));
                // the last row: S2, its last bar, the last set (6, 2.5, ema)
                Object[] last = rows.get(rows.size() - 1);
                assertThat(last).startsWith("S2", series.get(2).epochDay(24), 6, 2.5, "ema");
                assertThat((Double) last[7]).isEqualTo(cube.get(sweep.size() - 1, 2, 2, 24));
            }
            SweepSummary sum = engine.reduce(panel, sweep, first, Reduction.parseList("last,count:>0,cross"), Precision.DOUBLE);
            Path file = dir.resolve("summary.parquet");
            SweepTables.writeSummary(sum, series, TableFormat.PARQUET, file);
            List<Object[]> rows = DuckDbReadBack.parquetRows(file);
            assertThat(rows).hasSize(3 * sweep.size());
            assertThat(rows.get(0)).startsWith("S0", series.get(0).epochDay(39), 5, 1.0, "sma", sum.get(0, 0, 0, Reduction.Stat.LAST), 30);
            double bar = sum.get(0, 0, 0, Reduction.Stat.CROSS_BAR);
            assertThat(rows.get(0)[7]).isEqualTo(Double.isNaN(bar) ? null : (int) (39 - bar));
        }
    }
}
