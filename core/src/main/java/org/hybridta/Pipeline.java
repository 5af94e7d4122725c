package org.hybridta;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.BackendProvider;
import org.hybridta.backend.Backends;
import org.hybridta.backend.Workload;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.io.IoErrors;
import org.hybridta.parallel.DeviceLeaser;
import org.hybridta.parallel.Partitioner;
import org.hybridta.parallel.Partitioners;
import org.hybridta.parallel.Plans;
import org.hybridta.sink.ResultSink;
import org.hybridta.source.Constituent;
import org.hybridta.source.FailureKind;
import org.hybridta.source.FetchResult;
import org.hybridta.source.QuoteSource;
import org.hybridta.source.SyntheticQuoteSource;
import org.hybridta.source.TradingCalendar;

/**
 * One run over a universe: fetch every symbol's bars (with the history its indicators need before the first
 * date, {@link WarmUp}), compute the indicators part by part, and write the parts to the sinks at the root as
 * they come, in universe order.
 *
 * <pre>{@code
 * PipelineResult result = Pipeline.builder()
 *     .universe(Universe.sp500())
 *     .between(LocalDate.of(2024, 1, 1), LocalDate.now())
 *     .indicators(Indicators.ema(12), Indicators.rsi(14), Indicators.macd(12, 26, 9))
 *     .sink(TableSink.to(Path.of("out/indicators.parquet")))     // hybridta-formats: CSV, Parquet, DuckDB
 *     .build()
 *     .run();
 * }</pre>
 *
 * <p>The universe is cut into consecutive parts small enough for a few to be in memory at once
 * ({@link MemoryPlan}); each is fetched, computed in one backend call, cut to the run's range and handed to the
 * sinks while the next is computed, so memory is bounded by a part, not by the universe. A pipeline is immutable
 * once built and may be run more than once. One symbol's failure never stops the others: it is reported in
 * {@link PipelineResult#failures()}.
 */
public final class Pipeline {
    /** The most history a run fetches before its first date: 100 years of trading days. */
    static final int MAX_WARMUP = 25_200;

    private final Universe universe;
    private final QuoteSource source;
    private final LocalDate from, to, fetchFrom;
    private final int warmup;
    private final List<Indicator> indicators;
    private final String backend;
    private final BackendOptions backendOptions;
    private final Partitioner partitioner;
    private final List<ResultSink> sinks;
    private final ProgressListener progress;
    private final int fetchConcurrency;
    private final Duration leaseTimeout;
    private final boolean collectValues;
    private final boolean keepOutput;
    private final boolean strict;

    private Pipeline(Builder b, LocalDate from, LocalDate to, int warmup) {
        this.universe = b.universe;
        this.source = b.source;
        this.from = from;
        this.to = to;
        this.warmup = warmup;
        this.fetchFrom = TradingCalendar.minusTradingDays(from, warmup);
        this.indicators = List.copyOf(b.indicators);
        this.backend = b.backend;
        this.backendOptions = b.backendOptions;
        this.partitioner = b.partitioner;
        this.sinks = List.copyOf(b.sinks);
        this.progress = b.progress;
        this.fetchConcurrency = b.fetchConcurrency > 0 ? Math.min(b.fetchConcurrency, source.maxConcurrency()) : source.maxConcurrency();
        this.leaseTimeout = b.leaseTimeout;
        this.collectValues = b.collectValues;
        this.keepOutput = b.keepOutput != null ? b.keepOutput : b.collectValues && b.sinks.isEmpty();
        this.strict = b.strict;
    }

    public static Builder builder() {
        return new Builder(Clock.systemDefaultZone());
    }

    /** A builder whose default date range is computed from {@code clock} (for tests). */
    static Builder builder(Clock clock) {
        return new Builder(clock);
    }

    public Universe universe() { return universe; }
    public QuoteSource source() { return source; }
    public LocalDate from() { return from; }
    public LocalDate to() { return to; }

    /** Bars of history fetched before {@link #from()}: {@link WarmUp#bars} of the indicators, or the builder's {@code warmup}. */
    public int warmup() { return warmup; }

    /** The first date fetched: {@link #warmup()} trading days before {@link #from()}. */
    public LocalDate fetchFrom() { return fetchFrom; }

    public List<Indicator> indicators() { return indicators; }
    public Partitioner partitioner() { return partitioner; }

    ProgressListener progress() { return progress; }
    boolean collectValues() { return collectValues; }
    boolean keepOutput() { return keepOutput; }
    BackendOptions backendOptions() { return backendOptions; }
    Duration leaseTimeout() { return leaseTimeout; }

    /**
     * Runs the pipeline.
     *
     * @throws PipelineException when the run fails as a whole (no usable backend, a sink cannot write, the run cannot
     *                           fit in memory); every MPI rank throws alike
     */
    public PipelineResult run() {
        long t0 = System.nanoTime();
        boolean root = partitioner.isRoot();
        List<Constituent> members = universe.members();
        // the root chooses the backend, checks the sinks, plans the parts and opens the sinks; every worker learns the
        // verdict, so that all go on or stop alike, and all use the root's choice (a leaser is collective across workers)
        List<List<Constituent>> plan = null;
        long expectedRows = 0;
        List<ResultSink.Session> sessions = new ArrayList<>();
        String decision;
        try {
            BackendProvider chosen = null;   // the root's choice is every worker's
            if (root) {
                for (ResultSink sink : sinks) sink.check();
                // per symbol: the bars fetched (warm-up included), and of those about as many as the range has trading days written
                long[] bars = new long[members.size()], rows = new long[members.size()];
                long days = TradingCalendar.tradingDays(from, to), allBars = 0;
                for (int i = 0; i < bars.length; i++) {
                    bars[i] = expectedBars(members.get(i), fetchFrom);
                    rows[i] = Math.min(bars[i], days);
                    expectedRows += rows[i];
                    allBars += bars[i];
                }
                int workers = Math.max(1, partitioner.workers());
                chosen = Backends.choose(backend, new Workload(allBars / workers, Indicators.columns(indicators).size(), computeThreads()));
                int parts = MemoryPlan.parts(bars, keepOutput ? rows : null, Indicators.columns(indicators).size(), partitioner.workers(),
                        chosen.deviceCount() > 0, Runtime.getRuntime().maxMemory());
                plan = Plans.slices(members, bars, parts);
                for (ResultSink sink : sinks) sessions.add(sink.open(indicators, source.isSynthetic()));
            }
            decision = "ok " + (root ? chosen.name() : "");
        } catch (IOException e) {
            decision = "error cannot write output: " + IoErrors.describe(e);
        } catch (RuntimeException e) {
            decision = "error " + (e.getMessage() == null ? e.toString() : e.getMessage());
        }
        decision = partitioner.broadcast(decision);
        if (decision.startsWith("error ")) {
            RunCollector.closeAll(sessions);
            throw new PipelineException(decision.substring(6));
        }
        BackendProvider provider = Backends.choose(decision.substring(3));
        long tPlanned = System.nanoTime();

        int threads = computeThreads();
        // the source's cap is per machine: processes on one host share it
        int fetchThreads = Math.max(1, -Math.floorDiv(-fetchConcurrency, Math.max(1, partitioner.processesPerHost())));
        int ownSymbols = root ? ownSymbols(plan) : -1;
        RunCollector collector = root ? new RunCollector(this, members, sessions, expectedRows) : null;
        PartRunner runner;
        int devices = provider.deviceCount();
        try (DeviceLeaser leaser = devices > 0 ? partitioner.leaser(devices) : null;
             PartRunner parts = new PartRunner(this, provider, leaser, threads, fetchThreads, ownSymbols, collector)) {
            runner = parts;
            partitioner.runParts(plan, parts, collector != null ? collector::accept : r -> {});
        } catch (RuntimeException | Error e) {
            RunCollector.closeAll(sessions);
            throw e;
        }
        long tGathered = System.nanoTime();
        long writing = collector != null ? collector.writeNanos() : 0;   // while the parts came

        String failure = collector != null ? collector.finish() : null;
        String outcome = partitioner.broadcast(failure);
        if (outcome != null) throw new PipelineException(outcome);

        List<PipelineResult.Worker> workers = collector != null ? collector.workers() : runner.own();
        long fetchMax = 0, computeMax = 0;
        Set<String> backends = new LinkedHashSet<>();
        for (PipelineResult.Worker w : workers) {
            fetchMax = Math.max(fetchMax, w.fetch().toNanos());
            computeMax = Math.max(computeMax, w.compute().toNanos());
            if (!w.backend().isEmpty()) backends.add(w.backend());
        }
        long write = collector != null ? collector.writeNanos() : 0;   // the parts written and the commit
        long busiest = 0;
        for (PipelineResult.Worker w : workers) busiest = Math.max(busiest, w.fetch().toNanos() + w.compute().toNanos());
        long gather = Math.max(0, (tGathered - tPlanned) - busiest - writing);
        StageTimings timings = new StageTimings(Duration.ofNanos(tPlanned - t0), Duration.ofNanos(fetchMax),
                Duration.ofNanos(computeMax), Duration.ofNanos(gather), Duration.ofNanos(write), Duration.ofNanos(System.nanoTime() - t0));
        String backendText = backends.isEmpty() ? provider.name() : String.join("; ", backends);
        return new PipelineResult(root, collector != null ? collector.statuses() : List.of(), collector != null ? collector.output() : null,
                collector != null ? collector.files() : List.of(), backendText, source.name(), source.isSynthetic(), partitioner.name(),
                timings, workers, warmup);
    }

    /** About how many bars {@link #fetchOne} returns for {@code c} from {@code start}: the source's estimate, else weekdays. */
    private long expectedBars(Constituent c, LocalDate start) {
        int n = source.expectedBars(c, start, to);
        if (n >= 0) return n;
        long weekdays = 0;
        for (LocalDate d = start; d.isBefore(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) weekdays++;
        }
        return weekdays;
    }

    /** The symbols this process computes: all of them, or under MPI the root's own parts ({@link Partitioner#runParts}). */
    /** The threads a worker computes with: the options' count, else this host's cores shared by its workers. */
    private int computeThreads() {
        return backendOptions.threads() > 0 ? backendOptions.threads()
                : Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, partitioner.workersPerHost()));
    }

    private int ownSymbols(List<List<Constituent>> plan) {
        int n = 0, stride = partitioner.isDistributed() ? partitioner.workers() : 1;
        for (int p = 0; p < plan.size(); p += stride) n += plan.get(p).size();
        return n;
    }

    /** A symbol's bars from {@link #fetchFrom()}, checked ({@link BarChecks}); never throws. */
    FetchResult fetchOne(Constituent c) {
        try {
            FetchResult r = source.fetch(c, fetchFrom, to);
            if (r == null) return FetchResult.failed(c.symbol(), FailureKind.ERROR, source.name() + " returned nothing");
            if (r instanceof FetchResult.Ok o && !o.series().symbol().equals(c.symbol())) {
                return FetchResult.failed(c.symbol(), FailureKind.BAD_DATA, source.name() + " returned bars of " + o.series().symbol());
            }
            return BarChecks.apply(r, strict);
        } catch (RuntimeException e) {
            return FetchResult.failed(c.symbol(), FailureKind.ERROR, source.name() + " failed: " + e);
        }
    }

    /** Builder for {@link Pipeline}; every setting has a default except the sinks (none: results stay in memory). */
    public static final class Builder {
        private final Clock clock;
        private Universe universe = Universe.sp500();
        private QuoteSource source = SyntheticQuoteSource.create();
        private LocalDate from, to;
        private List<Indicator> indicators = List.of(Indicators.ema(12), Indicators.rsi(14), Indicators.macd(12, 26, 9));
        private String backend;
        private BackendOptions backendOptions = BackendOptions.defaults();
        private Partitioner partitioner = Partitioners.local();
        private final List<ResultSink> sinks = new ArrayList<>();
        private ProgressListener progress = ProgressListener.none();
        private int fetchConcurrency;
        private Duration leaseTimeout = Duration.ofMinutes(10);
        private boolean collectValues = true;
        private Boolean keepOutput;
        private int warmup = -1;
        private boolean strict;

        private Builder(Clock clock) {
            this.clock = clock;
        }

        /** The symbols to compute; default the S&amp;P 500. */
        public Builder universe(Universe universe) { this.universe = Objects.requireNonNull(universe, "universe"); return this; }

        /** Shorthand for {@code universe(Universe.of(symbols))}. */
        public Builder symbols(String... symbols) { return universe(Universe.of(symbols)); }

        /** Where bars come from; default the synthetic market. */
        public Builder source(QuoteSource source) { this.source = Objects.requireNonNull(source, "source"); return this; }

        /** Dates {@code [from, to)}; default January 1 of the current year to today (exclusive), i.e. through yesterday. */
        public Builder between(LocalDate from, LocalDate to) {
            this.from = Objects.requireNonNull(from, "from");
            this.to = Objects.requireNonNull(to, "to");
            return this;
        }

        /**
         * Bars of history to fetch before {@code from}, so that the indicators' values from {@code from} on are those of
         * a computation over the whole history; default {@link WarmUp#bars(List)} of the indicators. 0 starts them at
         * {@code from}, as if there were no earlier bars.
         */
        public Builder warmup(int bars) {
            if (bars < 0 || bars > MAX_WARMUP) throw new IllegalArgumentException("warm-up must be 0 to " + MAX_WARMUP + " bars, was " + bars);
            this.warmup = bars;
            return this;
        }

        /** The indicators; default EMA 12, RSI 14, MACD 12/26/9. */
        public Builder indicators(Indicator... indicators) { return indicators(Arrays.asList(indicators)); }

        public Builder indicators(List<? extends Indicator> indicators) { this.indicators = List.copyOf(indicators); return this; }

        /** {@code cpu}, {@code cuda}, or {@code auto}; default: the {@code hybridta.backend} property, {@code HYBRIDTA_BACKEND}, else auto. */
        public Builder backend(String backend) { this.backend = backend; return this; }

        public Builder backendOptions(BackendOptions options) { this.backendOptions = Objects.requireNonNull(options, "options"); return this; }

        /** Who computes what; default {@link Partitioners#local()}. */
        public Builder partitioner(Partitioner partitioner) { this.partitioner = Objects.requireNonNull(partitioner, "partitioner"); return this; }

        /** Adds a sink; the root writes each, in order. */
        public Builder sink(ResultSink sink) { this.sinks.add(Objects.requireNonNull(sink, "sink")); return this; }

        public Builder progress(ProgressListener listener) { this.progress = Objects.requireNonNull(listener, "listener"); return this; }

        /** At most this many symbols fetched at once per process (the source's own cap still applies). */
        public Builder fetchConcurrency(int n) {
            if (n < 1) throw new IllegalArgumentException("fetch concurrency must be >= 1, was " + n);
            this.fetchConcurrency = n;
            return this;
        }

        /** How long a worker waits for a device before its symbols fail; default 10 minutes. */
        public Builder leaseTimeout(Duration timeout) { this.leaseTimeout = Objects.requireNonNull(timeout, "timeout"); return this; }

        /**
         * Whether the workers send their bars and indicator values to the root (the default). Turn it off for
         * runs that need only the statuses and timings — to warm a cache, to check a universe, or to measure
         * the computation without moving its results — then no value leaves its worker,
         * {@link PipelineResult#output()} is empty and no sink may be given.
         */
        public Builder collectValues(boolean collect) { this.collectValues = collect; return this; }

        /**
         * Whether the root keeps every value of the run for {@link PipelineResult#output()}, which makes memory grow
         * with the universe (a run that would not fit is refused before any work, with the size). Default: true for a
         * pipeline without sinks (the values are its result), false with sinks (they get the values part by part).
         */
        public Builder keepOutput(boolean keep) { this.keepOutput = keep; return this; }

        /**
         * What to do with impossible bars ({@link BarChecks}: a price of 0 or below, high below low, open or close
         * outside [low, high], an absurd value): by default (false) they are kept and one warning per symbol names
         * them; {@code true} refuses such a symbol ({@code BAD_DATA}, the bars named in its reason) and goes on with
         * the others.
         */
        public Builder strict(boolean strict) { this.strict = strict; return this; }

        /**
         * @throws IllegalArgumentException naming the problem: an empty universe, a date range that is
         *                                  empty or reversed, no indicators, or two indicators with one column
         * @throws IllegalStateException    when a sink's library is missing or of another version
         *                                  ({@link ResultSink#checkDependencies()}), naming the version needed
         */
        public Pipeline build() {
            if (universe.isEmpty()) throw new IllegalArgumentException("the universe is empty: give at least one symbol");
            DateSpan span = DateSpan.resolve(from, to, clock);
            if (indicators.isEmpty()) throw new IllegalArgumentException("no indicators to compute");
            if (!collectValues && !sinks.isEmpty()) {
                throw new IllegalArgumentException("sinks need the values: do not combine collectValues(false) with a sink");
            }
            if (!collectValues && Boolean.TRUE.equals(keepOutput)) {
                throw new IllegalArgumentException("keepOutput(true) needs the values: do not combine it with collectValues(false)");
            }
            Set<String> columns = new LinkedHashSet<>();
            for (String c : Indicators.columns(indicators)) {
                if (!columns.add(c)) throw new IllegalArgumentException("indicator column " + c + " is requested twice");
            }
            // before any work: a sink whose library is missing, or of another version, fails here, not after the compute
            for (ResultSink sink : sinks) sink.checkDependencies();
            return new Pipeline(this, span.from(), span.to(), warmup >= 0 ? warmup : Math.min(MAX_WARMUP, WarmUp.bars(indicators)));
        }
    }
}
