package org.hybridta.conformance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hybridta.BarSeries;
import org.hybridta.Panel;

/**
 * Seeded synthetic bars for tests: the same seed and length always give the same series (only
 * {@link Random} and {@link StrictMath} are used), and a shorter series is a prefix of a longer one with
 * the same seed. Bars are dated on consecutive weekdays from 2000-01-03.
 *
 * <p>Every series is a valid OHLCV series: {@code low <= min(open, close)}, {@code high >= max(open, close)},
 * prices positive, volumes whole and not negative.
 */
public final class RandomBars {
    /** The kinds of synthetic series. */
    public enum Kind {
        /**
         * A mean-reverting random walk of the log price (daily volatility 2%, prices mostly between 40 and 250)
         * at full double precision, with intraday ranges and log-normal volumes.
         */
        RANDOM_WALK,
        /**
         * Prices in whole cents (so equal highs, lows and closes recur) with flat stretches: it opens with 20
         * entirely flat bars (open = high = low = close, volume 0), and about one bar in 25 starts a run of 3 to
         * 60 bars that are entirely flat, or keep the same close with a non-zero range, or trade no volume.
         * These runs exercise the edge cases: zero ranges, zero changes, zero money flow, zero deviation.
         */
        FLAT_STRETCHES;

        /** Lower-case words, for test names. */
        @Override public String toString() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '); }
    }

    private static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 3);

    private RandomBars() {}

    /** A series of the given kind. */
    public static BarSeries of(Kind kind, String symbol, long seed, int n) {
        return switch (kind) {
            case RANDOM_WALK -> randomWalk(symbol, seed, n);
            case FLAT_STRETCHES -> flatStretches(symbol, seed, n);
        };
    }

    /** See {@link Kind#RANDOM_WALK}. */
    public static BarSeries randomWalk(String symbol, long seed, int n) {
        Random r = new Random(seed);
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
        double mean = StrictMath.log(100), logPrice = mean, prevClose = 100;
        for (int t = 0; t < n; t++) {
            logPrice += 0.001 * (mean - logPrice) + 0.02 * r.nextGaussian();
            double close = StrictMath.exp(logPrice);
            double open = prevClose * StrictMath.exp(0.005 * r.nextGaussian());
            o[t] = open;
            c[t] = close;
            h[t] = Math.max(open, close) * (1 + 0.01 * Math.abs(r.nextGaussian()));
            l[t] = Math.min(open, close) * (1 - Math.min(0.5, 0.01 * Math.abs(r.nextGaussian())));
            v[t] = Math.rint(1e6 * StrictMath.exp(0.5 * r.nextGaussian()));
            prevClose = close;
        }
        return BarSeries.of(symbol, weekdays(n), o, h, l, c, null, v);
    }

    private enum Run { NORMAL, FLAT, SAME_CLOSE, NO_VOLUME }

    /** See {@link Kind#FLAT_STRETCHES}. */
    public static BarSeries flatStretches(String symbol, long seed, int n) {
        Random r = new Random(seed);
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
        long prevClose = 10_000;   // cents
        Run run = Run.FLAT;
        int left = 20;
        for (int t = 0; t < n; t++) {
            if (left == 0) {
                if (r.nextInt(25) == 0) {
                    run = Run.values()[1 + r.nextInt(3)];
                    left = 3 + r.nextInt(58);
                } else {
                    run = Run.NORMAL;
                    left = 1;
                }
            }
            left--;
            long open, close, high, low, volume;
            switch (run) {
                case FLAT -> {
                    open = close = high = low = prevClose;
                    volume = 0;
                }
                case SAME_CLOSE -> {
                    open = close = prevClose;
                    high = close + r.nextInt(50);
                    low = close - r.nextInt(50);
                    volume = 1000 + r.nextInt(100_000);
                }
                default -> {
                    open = cents(prevClose * StrictMath.exp(0.004 * r.nextGaussian()));
                    // mean-reverting towards 100.00, like RANDOM_WALK
                    close = cents(prevClose * StrictMath.exp(0.015 * r.nextGaussian() + 0.002 * StrictMath.log(10_000.0 / prevClose)));
                    high = Math.max(open, close) + cents(Math.abs(r.nextGaussian()) * 0.005 * prevClose);
                    low = Math.max(1, Math.min(open, close) - cents(Math.abs(r.nextGaussian()) * 0.005 * prevClose));
                    volume = run == Run.NO_VOLUME ? 0 : Math.round(5e5 * StrictMath.exp(0.6 * r.nextGaussian()));
                }
            }
            // a safety net; the mean reversion keeps prices far from these bounds
            if (close < 2_000 || close > 50_000) close = open = high = low = prevClose;
            o[t] = open / 100.0;
            h[t] = high / 100.0;
            l[t] = low / 100.0;
            c[t] = close / 100.0;
            v[t] = volume;
            prevClose = close;
        }
        return BarSeries.of(symbol, weekdays(n), o, h, l, c, null, v);
    }

    private static long cents(double x) {
        return Math.max(1, Math.round(x));
    }

    /** {@code n} bars of one price and a fixed volume. */
    public static BarSeries constant(String symbol, double price, int n) {
        double[] p = new double[n], v = new double[n];
        java.util.Arrays.fill(p, price);
        java.util.Arrays.fill(v, 1000);
        return BarSeries.of(symbol, weekdays(n), p, p, p, p, null, v);
    }

    /**
     * A panel of series of the given lengths (zero allowed), alternately random walks and flat stretches,
     * series {@code i} seeded with {@code seed + i} and named {@code S<i>}.
     */
    public static Panel raggedPanel(long seed, int... lengths) {
        return Panel.of(raggedSeries(seed, lengths));
    }

    /** The series of {@link #raggedPanel(long, int...)}, one by one. */
    public static List<BarSeries> raggedSeries(long seed, int... lengths) {
        List<BarSeries> series = new ArrayList<>();
        for (int i = 0; i < lengths.length; i++) {
            Kind kind = i % 2 == 0 ? Kind.RANDOM_WALK : Kind.FLAT_STRETCHES;
            series.add(of(kind, "S" + i, seed + i, lengths[i]));
        }
        return series;
    }

    /** {@code n} consecutive weekdays from 2000-01-03, as epoch days. */
    public static int[] weekdays(int n) {
        int[] days = new int[n];
        LocalDate d = FIRST_DAY;
        for (int i = 0; i < n; i++) {
            days[i] = (int) d.toEpochDay();
            d = d.plusDays(d.getDayOfWeek() == DayOfWeek.FRIDAY ? 3 : 1);
        }
        return days;
    }
}
