package org.hybridta.source;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.hybridta.BarSeries;

/**
 * A deterministic synthetic market that needs no network: every symbol follows its own geometric
 * Brownian motion on the NYSE trading calendar, seeded from the symbol and the source's seed, so the same
 * request always returns the same bars, whatever range or order it is asked in.
 *
 * <p>Each symbol draws, from its seed: a starting price (about $10 to $500), an annual drift (about
 * 8% ± 6%), an annual volatility (15% to 55%), a typical daily volume (100 thousand to 30 million
 * shares), and, for about one symbol in seven, a listing date after the market opens (so series differ in
 * length, as real ones do). Every trading day then draws the close from the GBM step, an opening gap, an
 * intraday range (so {@code high >= max(open, close)} and {@code low <= min(open, close)}), and a volume
 * that rises with the size of the move. Prices are in cents, volumes in whole shares; adjusted close
 * equals close (no dividends or splits).
 *
 * <p>The market opens on {@link #MARKET_OPEN}; a request for earlier dates returns bars from then on.
 */
public final class SyntheticQuoteSource implements QuoteSource {
    /** The first trading day of the synthetic market. */
    public static final LocalDate MARKET_OPEN = LocalDate.of(2000, 1, 3);
    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 42;

    private static final double TRADING_DAYS_PER_YEAR = 252;

    private final long seed;

    private SyntheticQuoteSource(long seed) {
        this.seed = seed;
    }

    /** The synthetic market with the default seed. */
    public static SyntheticQuoteSource create() {
        return new SyntheticQuoteSource(DEFAULT_SEED);
    }

    /** A synthetic market with its own seed: a different, equally deterministic set of paths. */
    public static SyntheticQuoteSource withSeed(long seed) {
        return new SyntheticQuoteSource(seed);
    }

    @Override public String name() {
        return seed == DEFAULT_SEED ? "synthetic" : "synthetic:" + seed;
    }

    @Override public String cacheKey() { return "synthetic-" + seed; }

    @Override public int expectedBars(Constituent c, LocalDate from, LocalDate to) {
        LocalDate start = max(from, Profile.of(c.symbol(), seed).listing);
        return start.isBefore(to) ? TradingCalendar.tradingDays(start, to) : 0;
    }

    @Override public FetchResult fetch(Constituent constituent, LocalDate from, LocalDate to) {
        if (!from.isBefore(to)) {
            return FetchResult.failed(constituent.symbol(), FailureKind.NO_DATA, "empty date range " + from + " to " + to);
        }
        Profile p = Profile.of(constituent.symbol(), seed);
        if (!p.listing.isBefore(to)) {
            return FetchResult.failed(constituent.symbol(), FailureKind.NO_DATA,
                    "no bars before " + to + ": the synthetic " + constituent.symbol() + " lists on " + p.listing);
        }
        int capacity = TradingCalendar.tradingDays(max(from, p.listing), to);
        int[] days = new int[capacity];
        double[] open = new double[capacity], high = new double[capacity], low = new double[capacity];
        double[] close = new double[capacity], volume = new double[capacity];

        // The close follows one random stream, one draw a day from the listing on; everything else about a day's
        // bar comes from that day's own stream. So a day's bar never depends on the requested range, and the days
        // before it cost one draw each instead of five.
        SplittableRandom path = p.pathRandom();
        double sigmaDay = p.volatility / Math.sqrt(TRADING_DAYS_PER_YEAR);
        double muDay = p.drift / TRADING_DAYS_PER_YEAR - 0.5 * sigmaDay * sigmaDay;
        double prev = p.startPrice;
        int n = 0;
        long fromDay = from.toEpochDay();
        for (int day : TradingCalendar.tradingEpochDays(p.listing, to)) {
            double z = path.nextGaussian();
            double c = cents(prev * Math.exp(muDay + sigmaDay * z));
            if (day >= fromDay) {
                SplittableRandom today = p.dayRandom(day);
                double gap = today.nextGaussian(), up = today.nextGaussian(), down = today.nextGaussian(), vol = today.nextGaussian();
                double o = cents(prev * Math.exp(0.25 * sigmaDay * gap));
                days[n] = day;
                open[n] = o;
                high[n] = cents(Math.max(o, c) * Math.exp(Math.abs(0.6 * sigmaDay * up)));
                low[n] = Math.min(Math.max(0.01, cents(Math.min(o, c) * Math.exp(-Math.abs(0.6 * sigmaDay * down)))), Math.min(o, c));
                close[n] = c;
                volume[n] = Math.rint(p.baseVolume * Math.exp(0.35 * vol) * (1 + 0.8 * Math.abs(z)));
                n++;
            }
            prev = c;
        }
        if (n == 0) {
            return FetchResult.failed(constituent.symbol(), FailureKind.NO_DATA, "no trading days between " + from + " and " + to);
        }
        return FetchResult.ok(BarSeries.of(constituent.symbol(), days, open, high, low, close, null, volume));
    }

    private static double cents(double price) {
        return Math.max(0.01, Math.rint(price * 100) / 100);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    @Override public String toString() { return "SyntheticQuoteSource[seed=" + seed + "]"; }

    /** The per-symbol parameters, drawn from the symbol's own random stream. */
    private static final class Profile {
        final double startPrice, drift, volatility, baseVolume;
        final LocalDate listing;
        private final long pathSeed, daySeed;

        private Profile(SplittableRandom r) {
            startPrice = Math.exp(Math.log(10) + r.nextDouble() * Math.log(50));
            drift = 0.08 + 0.06 * r.nextGaussian();
            volatility = 0.15 + 0.40 * r.nextDouble();
            baseVolume = Math.exp(Math.log(1e5) + r.nextDouble() * Math.log(300));
            boolean lateListing = r.nextInt(7) == 0;
            long span = LocalDate.of(2024, 1, 1).toEpochDay() - MARKET_OPEN.toEpochDay();
            LocalDate listed = lateListing ? LocalDate.ofEpochDay(MARKET_OPEN.toEpochDay() + r.nextLong(span)) : MARKET_OPEN;
            while (!TradingCalendar.isTradingDay(listed)) listed = listed.plusDays(1);
            listing = listed;
            pathSeed = r.nextLong();
            daySeed = r.nextLong();
        }

        static Profile of(String symbol, long seed) {
            return new Profile(new SplittableRandom(seed ^ fnv1a64(symbol)));
        }

        SplittableRandom pathRandom() {
            return new SplittableRandom(pathSeed);
        }

        /** The stream of one day's open, range and volume draws: a function of the symbol, the seed and the day. */
        SplittableRandom dayRandom(long epochDay) {
            return new SplittableRandom(daySeed ^ (epochDay * 0x9E3779B97F4A7C15L));
        }

        /** FNV-1a: a stable hash of the symbol (String.hashCode would do too, but this spreads better). */
        private static long fnv1a64(String s) {
            long h = 0xcbf29ce484222325L;
            for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                h ^= (b & 0xff);
                h *= 0x100000001b3L;
            }
            return h;
        }
    }
}
