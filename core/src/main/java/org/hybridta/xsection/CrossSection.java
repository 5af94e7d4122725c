package org.hybridta.xsection;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.hybridta.BarSeries;
import org.hybridta.DateSpan;
import org.hybridta.Field;
import org.hybridta.SymbolStatus;
import org.hybridta.Universe;
import org.hybridta.backend.BackendOptions;
import org.hybridta.source.Constituent;
import org.hybridta.source.FailureKind;
import org.hybridta.source.FetchResult;
import org.hybridta.source.QuoteSource;
import org.hybridta.source.SyntheticQuoteSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cross-sectional analysis of daily returns across a universe: the correlation and covariance matrices, and each
 * symbol's beta (and correlation) to a benchmark symbol or to the equal-weighted universe, over the whole sample or
 * in rolling windows.
 *
 * <pre>{@code
 * CrossSectionResult r = CrossSection.builder()
 *     .universe(Universe.sp500())
 *     .source(YahooQuoteSource.builder().build())
 *     .between(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1))
 *     .returns(ReturnKind.LOG)
 *     .missingDays(MissingDays.PAIRWISE_COMPLETE)
 *     .benchmark("SPY")
 *     .build()
 *     .run();
 * double rho = r.last().correlation().orElseThrow().get("AAPL", "MSFT");
 * }</pre>
 *
 * <p>{@link #run()} fetches the bars (concurrently, as the pipeline does), aligns them on their calendar
 * ({@link AlignedReturns#align}) and calls {@link #analyze}; a symbol that cannot be fetched is left out and listed in
 * {@link CrossSectionResult#failures()}. The matrices are computed by the {@link GramEngine} chosen like a compute
 * backend ({@code cpu}, {@code cuda} with hybridta-cuda, or {@code auto}); the method is in {@link Moments}. Problems
 * with the data as a whole (an unknown benchmark, too few days, a flat series) throw a
 * {@link CrossSectionException} with one line naming the problem and the fix.
 */
public final class CrossSection {
    /** The fewest days of returns a value is computed from (fewer: NaN, or for a whole sample an error). */
    public static final int MIN_DAYS = 3;
    /** The benchmark's name when it is the equal-weighted universe. */
    public static final String EQUAL_WEIGHTED = "equal-weighted";
    /** The most symbols: a matrix is one Java array. */
    static final int MAX_SYMBOLS = 46_340;

    private static final Logger log = LoggerFactory.getLogger(CrossSection.class);

    private final Universe universe;
    private final QuoteSource source;
    private final LocalDate from, to;
    private final Field field;
    private final ReturnKind returns;
    private final MissingDays missingDays;
    private final Set<Measure> measures;
    private final String benchmark;
    private final int window, step;
    private final String backend;
    private final BackendOptions backendOptions;

    private CrossSection(Builder b, LocalDate from, LocalDate to) {
        this.universe = b.universe;
        this.source = b.source;
        this.from = from;
        this.to = to;
        this.field = b.field;
        this.returns = b.returns;
        this.missingDays = b.missingDays;
        this.measures = Set.copyOf(b.measures);
        this.benchmark = b.benchmark;
        this.window = b.window;
        this.step = b.step;
        this.backend = b.backend;
        this.backendOptions = b.backendOptions;
    }

    public static Builder builder() { return new Builder(Clock.systemDefaultZone()); }

    static Builder builder(Clock clock) { return new Builder(clock); }

    public Universe universe() { return universe; }
    public LocalDate from() { return from; }
    public LocalDate to() { return to; }
    public ReturnKind returns() { return returns; }
    public MissingDays missingDays() { return missingDays; }
    public Set<Measure> measures() { return measures; }

    /** The benchmark symbol, or {@link #EQUAL_WEIGHTED}. */
    public String benchmark() { return benchmark; }

    /** The rolling window in days of returns, 0 for the whole sample. */
    public int window() { return window; }

    /**
     * Fetches the universe (and a benchmark symbol outside it), aligns the returns and analyzes them.
     *
     * @throws CrossSectionException naming what is wrong with the data as a whole and what to do
     */
    public CrossSectionResult run() {
        long t0 = System.nanoTime();
        List<Constituent> members = new ArrayList<>(universe.members());
        boolean betasToSymbol = measures.contains(Measure.BETA) && !benchmark.equals(EQUAL_WEIGHTED);
        // a benchmark in the universe is fetched once, as a member (and stays in the matrices)
        String memberBenchmark = betasToSymbol ? universe.find(benchmark).map(Constituent::symbol).orElse(null) : null;
        boolean separateBenchmark = betasToSymbol && memberBenchmark == null;
        if (separateBenchmark) members.add(Constituent.of(benchmark));
        List<FetchResult> fetched = fetchAll(members);
        List<BarSeries> ok = new ArrayList<>();
        List<SymbolStatus> failures = new ArrayList<>();
        BarSeries bench = null;
        for (int i = 0; i < fetched.size(); i++) {
            FetchResult r = fetched.get(i);
            boolean isBenchmark = separateBenchmark && i == fetched.size() - 1;
            if (r instanceof FetchResult.Ok o && !o.series().isEmpty()) {
                if (isBenchmark) bench = o.series();
                else ok.add(o.series());
            } else {
                String reason = r instanceof FetchResult.Failed f ? f.reason() : "no bars between " + from + " and " + to;
                if (isBenchmark || members.get(i).symbol().equals(memberBenchmark)) {
                    throw new CrossSectionException("benchmark " + benchmark + ": " + reason + " at " + source.name()
                            + "; give another --benchmark, or equal-weighted");
                }
                failures.add(SymbolStatus.failed(members.get(i).symbol(),
                        r instanceof FetchResult.Failed f ? f.kind() : FailureKind.NO_DATA, reason));
            }
        }
        if (ok.isEmpty()) {
            throw new CrossSectionException("no symbol could be fetched from " + source.name()
                    + (failures.isEmpty() ? "" : " (" + failures.get(0).symbol() + ": " + failures.get(0).reason() + ")"));
        }
        List<BarSeries> all = new ArrayList<>(ok);
        if (bench != null) all.add(bench);
        AlignedReturns aligned = align(all);
        double[] benchRow = null;
        if (bench != null) {
            benchRow = aligned.row(aligned.size() - 1);
            aligned = aligned.head(aligned.size() - 1);
        } else if (memberBenchmark != null) {
            benchRow = aligned.row(aligned.indexOf(memberBenchmark));
        }
        checkDays(aligned.days());
        aligned = leaveOutBad(aligned, failures);
        Duration fetch = Duration.ofNanos(System.nanoTime() - t0);
        CrossSectionResult r = analyze(aligned, benchRow, failures);
        return new CrossSectionResult(r.symbols(), r.benchmark().orElse(null), r.windows(), failures, r.engine(), fetch, r.computeTime());
    }

    /**
     * The returns without the symbols that cannot be analyzed (too few returns, or flat), which are added to
     * {@code failures}: in a universe of hundreds, one delisted or halted symbol should not stop the others.
     */
    private static AlignedReturns leaveOutBad(AlignedReturns r, List<SymbolStatus> failures) {
        List<Integer> keep = new ArrayList<>(r.size());
        for (int s = 0; s < r.size(); s++) {
            String why = badSeries(r.row(s));
            if (why == null) keep.add(s);
            else failures.add(SymbolStatus.failed(r.symbols().get(s), FailureKind.BAD_DATA, why + ": left out, its correlations are undefined"));
        }
        if (keep.isEmpty()) {
            throw new CrossSectionException("no symbol can be analyzed (" + failures.get(failures.size() - 1).symbol() + " "
                    + failures.get(failures.size() - 1).reason() + ")");
        }
        return keep.size() == r.size() ? r : r.rows(keep);
    }

    private AlignedReturns align(List<BarSeries> series) {
        try {
            return AlignedReturns.align(series, field, returns);
        } catch (IllegalArgumentException e) {
            throw new CrossSectionException(e.getMessage(), e);
        }
    }

    private List<FetchResult> fetchAll(List<Constituent> members) {
        try {
            return org.hybridta.source.Fetches.all(source, members, from, to, "hybridta-xsection-fetch");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrossSectionException("interrupted while fetching", e);
        }
    }

    /**
     * Analyzes returns given directly, e.g. from your own data ({@link AlignedReturns#of}). The universe and source
     * of this request are not used; a benchmark symbol must be one of the returns' symbols (it stays in the
     * matrices).
     *
     * @throws CrossSectionException naming what is wrong with the data and what to do
     */
    public CrossSectionResult analyze(AlignedReturns returns) {
        double[] bench = null;
        if (measures.contains(Measure.BETA) && !benchmark.equals(EQUAL_WEIGHTED)) {
            int b = returns.indexOf(benchmark);
            if (b < 0) {
                throw new CrossSectionException("benchmark " + benchmark + " is not among the " + returns.size()
                        + " symbols of the returns; add its returns, or use the equal-weighted benchmark");
            }
            bench = returns.row(b);
        }
        return analyze(returns, bench, List.of());
    }

    private CrossSectionResult analyze(AlignedReturns r, double[] bench, List<SymbolStatus> failures) {
        long t0 = System.nanoTime();
        if (r.size() > MAX_SYMBOLS) {
            throw new CrossSectionException(r.size() + " symbols: at most " + MAX_SYMBOLS + " fit one matrix; split the universe");
        }
        if (missingDays == MissingDays.DROP) {
            int[] kept = completeDays(r, bench);
            if (kept.length < r.days()) {
                log.info("missing days drop: {} of {} days kept (every symbol has a return on them)", kept.length, r.days());
            }
            if (kept.length < Math.max(MIN_DAYS, window)) {
                throw new CrossSectionException("too few days: " + kept.length + " of " + r.days() + " days have a return for every symbol"
                        + shortest(r) + " (need " + Math.max(MIN_DAYS, window) + "); use --missing pairwise, a later --from, or leave it out");
            }
            if (kept.length < r.days()) {
                r = keep(r, kept);
                if (bench != null) bench = keep(bench, kept);
            }
        }
        checkSample(r, bench);
        List<int[]> windows = windows(r.days());
        checkSize(r.size(), windows.size());
        double[] benchRow = measures.contains(Measure.BETA) ? (bench != null ? bench : Betas.equalWeighted(r)) : null;
        boolean cov = measures.contains(Measure.COVARIANCE), corr = measures.contains(Measure.CORRELATION);
        List<CrossSectionResult.Window> out = new ArrayList<>(windows.size());
        String engineText = "none (betas only)";
        if (cov || corr) {
            GramEngineProvider provider = GramEngines.choose(backend);
            try (GramEngine engine = provider.create(backendOptions)) {
                engineText = engine.description();
                Moments moments = Moments.prepare(r, engine);
                try {
                    log.info("cross-section: {} symbols x {} days, {} window(s), {} products on {}", r.size(), r.days(), windows.size(),
                            moments.masked() ? "pairwise-complete" : "complete-data", engineText);
                    for (int[] w : windows) {
                        double[][] m = moments.window(w[0], w[1], cov, corr);
                        out.add(window(r, w, m[1] == null ? null : new SymbolMatrix(r.symbols(), m[1]),
                                m[0] == null ? null : new SymbolMatrix(r.symbols(), m[0]), benchRow));
                    }
                } finally {
                    moments.close();
                }
            }
        } else {
            for (int[] w : windows) out.add(window(r, w, null, null, benchRow));
        }
        return new CrossSectionResult(r.symbols(), benchRow == null ? null : benchmark, out, failures, engineText, Duration.ZERO,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    private static CrossSectionResult.Window window(AlignedReturns r, int[] w, SymbolMatrix corr, SymbolMatrix cov, double[] benchRow) {
        List<Beta> betas = benchRow == null ? List.of() : Betas.of(r, benchRow, w[0], w[1]);
        return new CrossSectionResult.Window(r.date(w[0]), r.date(w[1] - 1), w[1] - w[0], corr, cov, betas);
    }

    /** The windows {@code [from, to)} of days: the whole sample, or rolling windows ending every {@code step} days at the last day. */
    List<int[]> windows(int days) {
        if (window == 0) return List.<int[]>of(new int[] {0, days});
        List<int[]> w = new ArrayList<>();
        for (int end = days; end - window >= 0; end -= step) w.add(new int[] {end - window, end});
        java.util.Collections.reverse(w);
        return w;
    }

    /** Every symbol (and a benchmark) has enough days of returns, and none is flat. */
    private void checkSample(AlignedReturns r, double[] bench) {
        checkDays(r.days());
        if (bench != null) {
            String why = badSeries(bench);
            if (why != null) throw new CrossSectionException("benchmark " + benchmark + " " + why + "; choose another --benchmark");
        }
        List<String> bad = new ArrayList<>();
        for (int s = 0; s < r.size() && bad.size() < 5; s++) {
            String why = badSeries(r.row(s));
            if (why != null) bad.add(r.symbols().get(s) + " " + why);
        }
        if (!bad.isEmpty()) {
            throw new CrossSectionException(String.join("; ", bad) + ": its correlations are undefined; leave "
                    + (bad.size() == 1 ? "it" : "them") + " out of --symbols");
        }
    }

    /** The sample is long enough for a value (and the rolling window). */
    private void checkDays(int days) {
        int need = Math.max(MIN_DAYS, window);
        if (days < need) {
            throw new CrossSectionException("too few days: " + days + " days of returns between " + from + " and " + to + " (need "
                    + need + (window > 0 ? " for the rolling window" : "") + "); widen --from/--to" + (window > 0 ? " or shorten --window" : ""));
        }
    }

    /** Why a series cannot be analyzed (too few returns, all equal), or null. */
    private static String badSeries(double[] row) {
        int n = 0;
        double first = Double.NaN;
        boolean varies = false;
        for (double v : row) {
            if (Double.isNaN(v)) continue;
            if (n++ == 0) first = v;
            else if (v != first) varies = true;
        }
        if (n < MIN_DAYS) return "has " + n + " day" + (n == 1 ? "" : "s") + " of returns (needs at least " + MIN_DAYS + ")";
        if (!varies) return "has the same return, " + first + ", on all its " + n + " days (flat prices)";
        return null;
    }

    private void checkSize(int n, int windows) {
        int matrices = (measures.contains(Measure.CORRELATION) ? 1 : 0) + (measures.contains(Measure.COVARIANCE) ? 1 : 0);
        long bytes = 8L * n * n * (matrices * (long) windows + 4);
        long heap = Runtime.getRuntime().maxMemory();
        if (matrices > 0 && bytes > heap) {
            throw new CrossSectionException(String.format(Locale.ROOT, "%d symbols in %d window(s) need %.1f GB of matrices, more than the Java "
                    + "heap (%.1f GB): use a larger --step, fewer symbols, --measures beta, or a larger -Xmx", n, windows, bytes / 1e9, heap / 1e9));
        }
    }

    private static int[] completeDays(AlignedReturns r, double[] bench) {
        int t = r.days();
        boolean[] complete = new boolean[t];
        Arrays.fill(complete, true);
        double[] v = r.values();
        for (int i = 0; i < v.length; i++) if (Double.isNaN(v[i])) complete[i % t] = false;
        if (bench != null) for (int d = 0; d < t; d++) if (Double.isNaN(bench[d])) complete[d] = false;
        int k = 0;
        int[] kept = new int[t];
        for (int d = 0; d < t; d++) if (complete[d]) kept[k++] = d;
        return Arrays.copyOf(kept, k);
    }

    /** The symbol with the fewest returns, for the message when dropping days leaves too few. */
    private static String shortest(AlignedReturns r) {
        int worst = -1, fewest = Integer.MAX_VALUE;
        for (int s = 0; s < r.size(); s++) {
            int n = 0;
            for (int d = 0; d < r.days(); d++) if (!Double.isNaN(r.get(s, d))) n++;
            if (n < fewest) {
                fewest = n;
                worst = s;
            }
        }
        return worst < 0 ? "" : " (" + r.symbols().get(worst) + " has returns on only " + fewest + ")";
    }

    private static AlignedReturns keep(AlignedReturns r, int[] kept) {
        List<double[]> rows = new ArrayList<>(r.size());
        for (int s = 0; s < r.size(); s++) rows.add(keep(r.row(s), kept));
        List<LocalDate> dates = new ArrayList<>(kept.length);
        for (int d : kept) dates.add(r.date(d));
        return AlignedReturns.of(r.symbols(), dates, rows);
    }

    private static double[] keep(double[] row, int[] kept) {
        double[] out = new double[kept.length];
        for (int k = 0; k < kept.length; k++) out[k] = row[kept[k]];
        return out;
    }

    /** Builder for {@link CrossSection}; every setting has a default. */
    public static final class Builder {
        private final Clock clock;
        private Universe universe = Universe.sp500();
        private QuoteSource source = SyntheticQuoteSource.create();
        private LocalDate from, to;
        private Field field = Field.ADJ_CLOSE;
        private ReturnKind returns = ReturnKind.LOG;
        private MissingDays missingDays = MissingDays.PAIRWISE_COMPLETE;
        private Set<Measure> measures = EnumSet.allOf(Measure.class);
        private String benchmark = EQUAL_WEIGHTED;
        private int window, step;
        private String backend;
        private BackendOptions backendOptions = BackendOptions.defaults();

        private Builder(Clock clock) { this.clock = clock; }

        /** The symbols; default the S&amp;P 500. */
        public Builder universe(Universe universe) { this.universe = Objects.requireNonNull(universe, "universe"); return this; }

        /** Shorthand for {@code universe(Universe.of(symbols))}. */
        public Builder symbols(String... symbols) { return universe(Universe.of(symbols)); }

        /** Where bars come from; default the synthetic market. */
        public Builder source(QuoteSource source) { this.source = Objects.requireNonNull(source, "source"); return this; }

        /** Bars dated {@code [from, to)}; default January 1 of this year to today. The first day gives no return. */
        public Builder between(LocalDate from, LocalDate to) {
            this.from = Objects.requireNonNull(from, "from");
            this.to = Objects.requireNonNull(to, "to");
            return this;
        }

        /** The price returns are computed from; default {@link Field#ADJ_CLOSE} (dividends and splits do not look like returns). */
        public Builder field(Field field) { this.field = Objects.requireNonNull(field, "field"); return this; }

        /** Log (default) or simple returns. */
        public Builder returns(ReturnKind kind) { this.returns = Objects.requireNonNull(kind, "kind"); return this; }

        /** What to do with days some symbol has no return on; default {@link MissingDays#PAIRWISE_COMPLETE}. */
        public Builder missingDays(MissingDays policy) { this.missingDays = Objects.requireNonNull(policy, "policy"); return this; }

        /** What to compute; default all of {@link Measure}. */
        public Builder measures(Set<Measure> measures) {
            if (measures.isEmpty()) throw new IllegalArgumentException("no measures to compute: give correlation, covariance or beta");
            this.measures = EnumSet.copyOf(measures);
            return this;
        }

        /** Betas against this symbol (fetched too when it is not in the universe); default the equal-weighted universe. */
        public Builder benchmark(String symbol) {
            String s = Objects.requireNonNull(symbol, "symbol").strip();
            if (s.isEmpty()) throw new IllegalArgumentException("the benchmark symbol is empty");
            this.benchmark = s;
            return this;
        }

        /** Betas against the equal-weighted universe: each day the mean of the symbols' returns (the default). */
        public Builder equalWeightedBenchmark() { this.benchmark = EQUAL_WEIGHTED; return this; }

        /**
         * Rolling windows of {@code window} days of returns instead of the whole sample, one ending on the last day and
         * then every {@code step} days before it (with {@link MissingDays#DROP}, counted in kept days).
         */
        public Builder rolling(int window, int step) {
            if (window < MIN_DAYS) throw new IllegalArgumentException("the rolling window must be at least " + MIN_DAYS + " days, was " + window);
            if (step < 1) throw new IllegalArgumentException("the rolling step must be at least 1 day, was " + step);
            this.window = window;
            this.step = step;
            return this;
        }

        /** The whole sample (the default). */
        public Builder fullSample() { this.window = 0; this.step = 0; return this; }

        /** {@code cpu}, {@code cuda} or {@code auto}; default: {@code hybridta.backend}, {@code HYBRIDTA_BACKEND}, else auto. */
        public Builder backend(String backend) { this.backend = backend; return this; }

        /** Threads of the CPU engine, device of the GPU one. */
        public Builder backendOptions(BackendOptions options) { this.backendOptions = Objects.requireNonNull(options, "options"); return this; }

        /** @throws IllegalArgumentException for an empty universe or date range */
        public CrossSection build() {
            if (universe.isEmpty()) throw new IllegalArgumentException("the universe is empty: give at least one symbol");
            DateSpan span = DateSpan.resolve(from, to, clock);
            return new CrossSection(this, span.from(), span.to());
        }
    }
}
