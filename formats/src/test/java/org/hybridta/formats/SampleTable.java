package org.hybridta.formats;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A long table like a run's: symbols of different lengths one after another, dates ascending per symbol,
 * prices, a float indicator that is NaN for its first {@code lookback} rows (plus a NaN gap, ±infinity,
 * -0.0 and extremes), and an integer indicator given as doubles (NaN before its lookback). Appended one
 * symbol per batch, as the pipeline will.
 */
final class SampleTable {
    static final TableSchema SCHEMA = TableSchema.builder()
            .date("date").symbol("symbol")
            .float64("close").float64("volume").float64("sma_3")
            .int32("cdl_pattern")
            .build();

    final List<String> symbols = new ArrayList<>();
    final List<int[]> days = new ArrayList<>();
    final List<double[]> close = new ArrayList<>();
    final List<double[]> volume = new ArrayList<>();
    final List<double[]> sma = new ArrayList<>();
    final List<double[]> pattern = new ArrayList<>();

    /** {@code symbols} symbols of about {@code bars} bars each (seeded, so every run is the same). */
    SampleTable(int symbolCount, int bars, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int s = 0; s < symbolCount; s++) {
            int n = Math.max(0, bars - random.nextInt(Math.max(1, bars / 3 + 1)));
            symbols.add(s % 7 == 0 ? "BRK-" + (char) ('A' + s % 26) : "SYM" + s + (s % 5 == 0 ? "é" : ""));
            int[] d = new int[n];
            double[] c = new double[n], v = new double[n], m = new double[n], p = new double[n];
            int day = 16_436 + random.nextInt(400);
            double price = 10 + 490 * random.nextDouble();
            for (int t = 0; t < n; t++) {
                day += t % 5 == 4 ? 3 : 1;
                d[t] = day;
                price *= Math.exp(0.02 * (random.nextDouble() - 0.5));
                c[t] = price;
                v[t] = Math.floor(1e6 * random.nextDouble());
                m[t] = t < 2 ? Double.NaN : (c[t] + c[t - 1] + c[t - 2]) / 3;
                p[t] = t < 4 ? Double.NaN : (random.nextInt(3) - 1) * 100;
            }
            if (n > 10 && s % 3 == 1) {
                m[5] = Double.NaN;                       // a gap in the middle
                m[6] = Double.POSITIVE_INFINITY;
                m[7] = Double.NEGATIVE_INFINITY;
                m[8] = -0.0;
                m[9] = Double.MAX_VALUE;
                c[9] = Double.MIN_VALUE;
            }
            days.add(d);
            close.add(c);
            volume.add(v);
            sma.add(m);
            pattern.add(p);
        }
    }

    int rows() {
        return days.stream().mapToInt(d -> d.length).sum();
    }

    /** Appends one batch per symbol. */
    void appendTo(TableWriter out) throws IOException {
        RowBatch batch = RowBatch.of(SCHEMA);
        for (int s = 0; s < symbols.size(); s++) {
            out.append(bind(batch, s));
        }
    }

    RowBatch bind(RowBatch batch, int s) {
        return batch.rows(days.get(s).length)
                .dates(0, days.get(s), 0)
                .symbol(1, symbols.get(s))
                .float64(2, close.get(s), 0)
                .float64(3, volume.get(s), 0)
                .float64(4, sma.get(s), 0)
                .int32(5, pattern.get(s), 0);
    }

    /** The table as rows of boxed values, NULL as null: what a reader must give back. */
    List<Object[]> expectedRows() {
        List<Object[]> rows = new ArrayList<>();
        for (int s = 0; s < symbols.size(); s++) {
            for (int t = 0; t < days.get(s).length; t++) {
                rows.add(new Object[] {days.get(s)[t], symbols.get(s), orNull(close.get(s)[t]), orNull(volume.get(s)[t]),
                        orNull(sma.get(s)[t]), Double.isNaN(pattern.get(s)[t]) ? null : (int) pattern.get(s)[t]});
            }
        }
        return rows;
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
