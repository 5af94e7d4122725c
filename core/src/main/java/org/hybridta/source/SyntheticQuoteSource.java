package org.hybridta.source;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.hybridta.BarSeries;
import org.hybridta.Universe;

/**
 * A deterministic synthetic market that needs no network — made-up prices that look like a market, for demos,
 * tests and benchmarks; never market data. The same request always returns the same bars, and the bar of a date is
 * the same whatever range it is asked in.
 *
 * <p><b>What it has.</b> The symbols of the bundled S&amp;P 500 ({@link Universe#sp500()}, as listed or in their
 * Yahoo form) and an index fund that follows the market factor ({@link #INDEX_FUNDS}: {@code SPY}, a benchmark for
 * betas), from {@link #MARKET_OPEN} to today. Any other symbol fails as {@link FailureKind#NOT_FOUND} and a
 * request reaching past today as {@link FailureKind#NO_DATA} — unless the source is built with
 * {@link Builder#anySymbol(boolean)} or {@link Builder#futureDates(boolean)} (benchmarks that need many or long
 * series). {@link #isSynthetic()} is true, so that outputs can say the prices are made up.
 *
 * <p><b>How a symbol moves.</b> Each symbol draws, from its own seed: a trend that runs, log-linearly, from a price
 * around $10–$150 in 2000 to one around $15–$600 in 2025 (and drifts by at most 2% a year after it); a beta of
 * 0.6–1.3 to a market factor shared by all symbols (15% a year of volatility); its own volatility (12–32% a year);
 * a speed of mean reversion towards its trend; a typical volume; and, for about one symbol in seven, a listing date
 * after the market opens. Day by day, the market's and the symbol's returns have GARCH(1,1) variances, so calm and
 * turbulent stretches alternate; the log price is its trend plus a deviation that mean-reverts (an
 * Ornstein-Uhlenbeck process), so prices stay in a realistic band over decades instead of drifting to a floor or to
 * six figures. Each day then draws an opening gap, an intraday range (so the high is above the open and the close,
 * the low below them, typically 1–3% apart) and a volume that rises with volatility and with the size of the move.
 * Prices are in cents, volumes in whole shares; the adjusted close equals the close.
 */
public final class SyntheticQuoteSource implements QuoteSource {
    /** The first trading day of the synthetic market. */
    public static final LocalDate MARKET_OPEN = LocalDate.of(2000, 1, 3);
    /** Index funds of the synthetic market: beta 1 to the market factor, 1% a year of their own volatility. */
    public static final Set<String> INDEX_FUNDS = Set.of("SPY");
    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 42;

    private static final double TRADING_DAYS_PER_YEAR = 252;
    /** The trends run from {@link #MARKET_OPEN} to here; after it they drift slowly (futureDates only, and today). */
    private static final LocalDate TREND_END = LocalDate.of(2025, 1, 2);
    private static final double TREND_YEARS = (TREND_END.toEpochDay() - MARKET_OPEN.toEpochDay()) / 365.25;
    /** The market factor: long-run daily variance (15% a year) and its GARCH(1,1) weights. */
    private static final double MARKET_VAR = 0.15 * 0.15 / TRADING_DAYS_PER_YEAR, MARKET_ALPHA = 0.09, MARKET_BETA = 0.89;
    /** A symbol's own GARCH(1,1) weights. */
    private static final double IDIO_ALPHA = 0.06, IDIO_BETA = 0.92;
    /** Beyond this deviation from its trend (in log price), a symbol is pulled back harder: no runaway paths. */
    private static final double MAX_DEVIATION = 1.2;

    private final long seed;
    private final boolean anySymbol, futureDates;
    private final Clock clock;
    /** The market factor's returns and variances per trading day from {@link #MARKET_OPEN}: computed once, grown on demand. */
    private volatile Market market = new Market(new double[0], new double[0]);

    private SyntheticQuoteSource(Builder b) {
        this.seed = b.seed;
        this.anySymbol = b.anySymbol;
        this.futureDates = b.futureDates;
        this.clock = b.clock;
    }

    /** The synthetic market with the default seed: the S&amp;P 500's symbols, up to today. */
    public static SyntheticQuoteSource create() {
        return builder().build();
    }

    /** A synthetic market with its own seed: a different, equally deterministic set of paths. */
    public static SyntheticQuoteSource withSeed(long seed) {
        return builder().seed(seed).build();
    }

    /** A builder: the default seed, the S&amp;P 500's symbols only, no dates after today. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code synthetic}, with {@code :SEED} for another seed and {@code :any} when it makes up any symbol. */
    @Override public String name() {
        return "synthetic" + (seed == DEFAULT_SEED ? "" : ":" + seed) + (anySymbol ? ":any" : "");
    }

    /** The bars depend on the seed only (the options only refuse requests). */
    @Override public String cacheKey() { return "synthetic-" + seed; }

    @Override public boolean isSynthetic() { return true; }

    @Override public int expectedBars(Constituent c, LocalDate from, LocalDate to) {
        if (refusal(c, to) != null) return 0;
        LocalDate start = max(from, Profile.of(c.symbol(), seed).listing);
        return start.isBefore(to) ? TradingCalendar.tradingDays(start, to) : 0;
    }

    @Override public FetchResult fetch(Constituent constituent, LocalDate from, LocalDate to) {
        String symbol = constituent.symbol();
        if (!from.isBefore(to)) {
            return FetchResult.failed(symbol, FailureKind.NO_DATA, "empty date range " + from + " to " + to);
        }
        Refusal refused = refusal(constituent, to);
        if (refused != null) return FetchResult.failed(symbol, refused.kind, refused.reason);
        Profile p = Profile.of(symbol, seed);
        if (!p.listing.isBefore(to)) {
            return FetchResult.failed(symbol, FailureKind.NO_DATA, "no bars before " + to + ": the synthetic " + symbol + " lists on " + p.listing);
        }
        int[] pathDays = TradingCalendar.tradingEpochDays(p.listing, to);
        int firstMarketDay = TradingCalendar.tradingDays(MARKET_OPEN, p.listing);
        Market m = market(firstMarketDay + pathDays.length);
        int capacity = TradingCalendar.tradingDays(max(from, p.listing), to);
        int[] days = new int[capacity];
        double[] open = new double[capacity], high = new double[capacity], low = new double[capacity];
        double[] close = new double[capacity], volume = new double[capacity];

        // The path (market and own shocks, the deviation from the trend, the variance) follows one random stream, one
        // draw a day from the listing on; everything else about a day's bar comes from that day's own stream. So a
        // day's bar never depends on the requested range, and the days before it cost one draw each.
        SplittableRandom path = p.pathRandom();
        double idioVar = p.idioVar, x = 0;
        double prevClose = Math.exp(p.trend(pathDays[0]));
        int n = 0;
        long fromDay = from.toEpochDay();
        for (int k = 0; k < pathDays.length; k++) {
            int day = pathDays[k];
            double marketVar = m.variance[firstMarketDay + k], marketReturn = m.returns[firstMarketDay + k];
            double z = path.nextGaussian();
            double own = Math.sqrt(idioVar) * z;
            double shock = p.beta * marketReturn + own;
            x = (1 - p.reversion) * x + shock;
            if (Math.abs(x) > MAX_DEVIATION) x -= 0.1 * (x - Math.copySign(MAX_DEVIATION, x));
            double todayVar = p.beta * p.beta * marketVar + idioVar;
            idioVar = p.idioOmega + IDIO_ALPHA * own * own + IDIO_BETA * idioVar;
            if (day < fromDay) {
                if (k + 1 < pathDays.length && pathDays[k + 1] >= fromDay) prevClose = Math.exp(p.trend(day) + x);
                continue;
            }
            double exact = Math.exp(p.trend(day) + x);
            double sigma = Math.sqrt(todayVar);
            SplittableRandom today = p.dayRandom(day);
            double gap = today.nextGaussian(), up = today.nextGaussian(), down = today.nextGaussian(), noise = today.nextGaussian();
            double o = cents(prevClose * expSmall(0.3 * sigma * gap)), c = cents(exact);
            double h = Math.max(cents(Math.max(o, c) * expSmall(sigma * (0.05 + 0.3 * Math.abs(up)))), Math.max(o, c) + 0.01);
            double l = Math.min(cents(Math.min(o, c) * expSmall(-sigma * (0.05 + 0.3 * Math.abs(down)))), Math.min(o, c) - 0.01);
            days[n] = day;
            open[n] = o;
            high[n] = h;
            low[n] = Math.max(0.01, l);
            close[n] = c;
            volume[n] = Math.max(1, Math.rint(p.baseVolume * Math.exp(0.3 * noise) * Math.sqrt(sigma / p.typicalSigma)
                    * (1 + 0.5 * Math.abs(shock) / sigma)));
            n++;
            prevClose = exact;
        }
        if (n == 0) {
            return FetchResult.failed(symbol, FailureKind.NO_DATA, "no trading days between " + from + " and " + to);
        }
        return FetchResult.ok(BarSeries.of(symbol, days, open, high, low, close, null, volume));
    }

    private record Refusal(FailureKind kind, String reason) {}

    /** Why a request for {@code c} up to {@code to} is refused, or null. */
    private Refusal refusal(Constituent c, LocalDate to) {
        if (!anySymbol && !INDEX_FUNDS.contains(c.symbol()) && Universe.sp500().find(c.symbol()).isEmpty()) {
            return new Refusal(FailureKind.NOT_FOUND, c.symbol() + " is not in the synthetic market, which has the S&P 500's symbols and SPY "
                    + "(to make up prices for any symbol: --source synthetic:any, or SyntheticQuoteSource.builder().anySymbol(true))");
        }
        LocalDate today = LocalDate.now(clock);
        if (!futureDates && to.isAfter(today.plusDays(1))) {
            return new Refusal(FailureKind.NO_DATA, "the synthetic market has no bars after today (" + today + "): it does not make up "
                    + "the future; ask for dates up to " + today.plusDays(1) + " (exclusive)");
        }
        return null;
    }

    /** e^y for the small y of a day's gap or range (|y| below about 0.3): a cubic, within 4e-4, several times cheaper than exp. */
    private static double expSmall(double y) {
        return 1 + y * (1 + y * (0.5 + y * (1.0 / 6)));
    }

    private static double cents(double price) {
        return Math.max(0.01, Math.rint(price * 100) / 100);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** The market factor for at least {@code days} trading days, computed from the start (so it is the same whatever was asked first). */
    private Market market(int days) {
        Market m = market;
        if (m.returns.length >= days) return m;
        synchronized (this) {
            m = market;
            if (m.returns.length >= days) return m;
            int n = Math.max(days, TradingCalendar.tradingDays(MARKET_OPEN, LocalDate.now(clock).plusYears(1)));
            double[] r = new double[n], v = new double[n];
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
            double var = MARKET_VAR, omega = MARKET_VAR * (1 - MARKET_ALPHA - MARKET_BETA);
            for (int t = 0; t < n; t++) {
                v[t] = var;
                r[t] = Math.sqrt(var) * random.nextGaussian();
                var = omega + MARKET_ALPHA * r[t] * r[t] + MARKET_BETA * var;
            }
            market = m = new Market(r, v);
            return m;
        }
    }

    private record Market(double[] returns, double[] variance) {}

    @Override public String toString() { return "SyntheticQuoteSource[" + name() + "]"; }

    /** Options of a {@link SyntheticQuoteSource}. */
    public static final class Builder {
        private long seed = DEFAULT_SEED;
        private boolean anySymbol, futureDates;
        private Clock clock = Clock.systemDefaultZone();

        private Builder() {}

        /** The seed of every path (default {@value SyntheticQuoteSource#DEFAULT_SEED}). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Whether a symbol outside the S&amp;P 500 gets made-up bars too (default false: it fails as {@code NOT_FOUND}). */
        public Builder anySymbol(boolean any) {
            this.anySymbol = any;
            return this;
        }

        /** Whether dates after today get made-up bars too (default false: such a request fails as {@code NO_DATA}). */
        public Builder futureDates(boolean future) {
            this.futureDates = future;
            return this;
        }

        /** The clock that says what today is (for tests). */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public SyntheticQuoteSource build() { return new SyntheticQuoteSource(this); }
    }

    /** The per-symbol parameters, drawn from the symbol's own random stream. */
    private static final class Profile {
        final double logStart, slope, lateSlope, beta, idioVar, idioOmega, reversion, baseVolume, typicalSigma;
        final LocalDate listing;
        private final long pathSeed, daySeed;

        private Profile(SplittableRandom r, boolean indexFund) {
            logStart = Math.log(10) + r.nextDouble() * Math.log(15);            // $10 .. $150 in 2000
            double logEnd = Math.log(15) + r.nextDouble() * Math.log(40);       // $15 .. $600 in 2025
            slope = (logEnd - logStart) / TREND_YEARS;
            lateSlope = Math.max(-0.01, Math.min(0.02, slope));
            double drawnBeta = 0.6 + 0.7 * r.nextDouble();
            double drawnVol = 0.12 + 0.20 * r.nextDouble();
            beta = indexFund ? 1.0 : drawnBeta;
            double idioVol = indexFund ? 0.01 : drawnVol;
            idioVar = idioVol * idioVol / TRADING_DAYS_PER_YEAR;
            idioOmega = idioVar * (1 - IDIO_ALPHA - IDIO_BETA);
            reversion = (0.3 + 0.5 * r.nextDouble()) / TRADING_DAYS_PER_YEAR;
            baseVolume = Math.exp(Math.log(3e5) + r.nextDouble() * Math.log(100));
            typicalSigma = Math.sqrt(beta * beta * MARKET_VAR + idioVar);
            boolean lateListing = r.nextInt(7) == 0 && !indexFund;
            long span = LocalDate.of(2024, 1, 1).toEpochDay() - MARKET_OPEN.toEpochDay();
            LocalDate listed = lateListing ? LocalDate.ofEpochDay(MARKET_OPEN.toEpochDay() + r.nextLong(span)) : MARKET_OPEN;
            while (!TradingCalendar.isTradingDay(listed)) listed = listed.plusDays(1);
            listing = listed;
            pathSeed = r.nextLong();
            daySeed = r.nextLong();
        }

        static Profile of(String symbol, long seed) {
            return new Profile(new SplittableRandom(seed ^ fnv1a64(symbol)), INDEX_FUNDS.contains(symbol));
        }

        /** The log price of the trend on an epoch day. */
        double trend(long epochDay) {
            double years = (epochDay - MARKET_OPEN.toEpochDay()) / 365.25;
            return years <= TREND_YEARS ? logStart + slope * years : logStart + slope * TREND_YEARS + lateSlope * (years - TREND_YEARS);
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
