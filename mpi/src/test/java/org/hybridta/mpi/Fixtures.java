package org.hybridta.mpi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.SymbolStatus;
import org.hybridta.parallel.PartResult;
import org.hybridta.source.Constituent;

/** Deterministic stand-ins for a pipeline's part work: series and values that any rank can recompute. */
final class Fixtures {
    private Fixtures() {}

    /** A random walk seeded by the symbol, 40 to 139 bars long. */
    static BarSeries series(String symbol) {
        SplittableRandom random = new SplittableRandom(symbol.hashCode());
        int n = 40 + random.nextInt(100);
        int[] days = new int[n];
        double[] open = new double[n], high = new double[n], low = new double[n], close = new double[n], volume = new double[n];
        double price = 50 + random.nextDouble() * 100;
        for (int i = 0; i < n; i++) {
            days[i] = 19_000 + i;
            open[i] = price;
            price *= Math.exp(0.02 * (random.nextDouble() - 0.5));
            close[i] = price;
            high[i] = Math.max(open[i], close[i]) * (1 + random.nextDouble() * 0.01);
            low[i] = Math.min(open[i], close[i]) * (1 - random.nextDouble() * 0.01);
            volume[i] = Math.floor(1e5 + random.nextDouble() * 1e6);
        }
        return BarSeries.of(symbol, days, open, high, low, close, null, volume);
    }

    /** One column per output: a 3-bar mean of the close, NaN before the third bar and after the series' end. */
    static IndicatorValues values(List<BarSeries> series) {
        Panel shape = Panel.of(series);
        int bars = shape.barCount();
        double[] mean = new double[series.size() * bars];
        Arrays.fill(mean, Double.NaN);
        for (int s = 0; s < series.size(); s++) {
            double[] c = series.get(s).close();
            for (int t = 2; t < c.length; t++) mean[s * bars + t] = (c[t] + c[t - 1] + c[t - 2]) / 3;
        }
        return IndicatorValues.of(shape, List.of("mean_3"), new double[][] {mean});
    }

    /** What a healthy part's work returns for {@code members}. */
    static PartResult part(int part, String worker, List<Constituent> members) {
        List<BarSeries> series = new ArrayList<>();
        List<SymbolStatus> statuses = new ArrayList<>();
        for (Constituent c : members) {
            BarSeries s = series(c.symbol());
            series.add(s);
            statuses.add(SymbolStatus.ok(c.symbol(), s.size(), 0));
        }
        return new PartResult(part, worker, series, series.isEmpty() ? null : values(series), statuses, 1_000, 2_000, "fake");
    }

    /** Whether {@code result} carries exactly what {@link #part} makes for its members. */
    static boolean intact(PartResult result) {
        List<BarSeries> expected = new ArrayList<>();
        for (SymbolStatus s : result.statuses()) if (s.isOk()) expected.add(series(s.symbol()));
        if (!expected.equals(result.series())) return false;
        if (expected.isEmpty()) return result.values() == null;
        IndicatorValues want = values(expected);
        return want.columns().equals(result.values().columns()) && want.barCount() == result.values().barCount()
                && Arrays.equals(want.data(0), result.values().data(0));
    }
}
