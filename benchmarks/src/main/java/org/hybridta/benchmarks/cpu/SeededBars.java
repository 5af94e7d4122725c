package org.hybridta.benchmarks.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hybridta.BarSeries;

/**
 * Seeded OHLCV random walks for benchmarks: the same seed and length give the same bars. The log price
 * reverts slowly to log(100) with 2% daily volatility, so a million bars stay in a realistic price range;
 * highs and lows bracket open and close, volumes are whole and log-normal. Bars fall on consecutive days
 * from 1970-01-01 (epoch day 0): a calendar is irrelevant to the indicators, and a million bars of
 * weekdays would run past year 5800.
 */
public final class SeededBars {
    private SeededBars() {}

    /** One series of {@code n} bars. */
    public static BarSeries series(String symbol, long seed, int n) {
        Random r = new Random(seed);
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
        int[] days = new int[n];
        double mean = Math.log(100), logPrice = mean + 0.3 * r.nextGaussian(), prevClose = Math.exp(logPrice);
        for (int t = 0; t < n; t++) {
            logPrice += 0.001 * (mean - logPrice) + 0.02 * r.nextGaussian();
            double close = Math.exp(logPrice);
            double open = prevClose * Math.exp(0.005 * r.nextGaussian());
            days[t] = t;
            o[t] = open;
            c[t] = close;
            h[t] = Math.max(open, close) * (1 + 0.01 * Math.abs(r.nextGaussian()));
            l[t] = Math.min(open, close) * (1 - Math.min(0.5, 0.01 * Math.abs(r.nextGaussian())));
            v[t] = Math.rint(1e6 * Math.exp(0.5 * r.nextGaussian()));
            prevClose = close;
        }
        return BarSeries.of(symbol, days, o, h, l, c, null, v);
    }

    /** {@code symbols} series of {@code n} bars each, named {@code S000, S001, …}, seeded {@code seed + i}. */
    public static List<BarSeries> universe(int symbols, int n, long seed) {
        List<BarSeries> all = new ArrayList<>(symbols);
        for (int i = 0; i < symbols; i++) all.add(series(String.format("S%03d", i), seed + i, n));
        return all;
    }
}
