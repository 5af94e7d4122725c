package org.hybridta;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.BackendProvider;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.io.IoErrors;
import org.hybridta.parallel.DeviceLease;
import org.hybridta.parallel.DeviceLeaser;
import org.hybridta.parallel.LeaseTimeoutException;
import org.hybridta.parallel.PartResult;
import org.hybridta.parallel.Partitioner;
import org.hybridta.parallel.Partitioners;
import org.hybridta.parallel.Plans;
import org.hybridta.sink.ResultSink;
import org.hybridta.sink.RunOutput;
import org.hybridta.source.Constituent;
import org.hybridta.source.FailureKind;
import org.hybridta.source.FetchResult;
import org.hybridta.source.QuoteSource;
import org.hybridta.source.SyntheticQuoteSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run over a universe: fetch every symbol's bars, compute the indicators for all of them in one
 * backend call per worker, gather the results to the root and write the sinks.
 *
 * <pre>{@code
 * PipelineResult result = Pipeline.builder()
 *     .universe(Universe.sp500())
 *     .between(LocalDate.of(2024, 1, 1), LocalDate.now())
 *     .indicators(Indicators.ema(12), Indicators.rsi(14), Indicators.macd(12, 26, 9))
 *     .sink(CsvSink.to(Path.of("out/indicators.csv")))
 *     .build()
 *     .run();
 * }</pre>
 *
 * <p>A pipeline is immutable once built and may be run more than once. One symbol's failure never stops
 * the others: it is reported in {@link PipelineResult#failures()}.
 */
public final class Pipeline {
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    private final Universe universe;
    private final QuoteSource source;
    private final LocalDate from, to;
    private final List<Indicator> indicators;
    private final String backend;
    private final BackendOptions backendOptions;
    private final Partitioner partitioner;
    private final List<ResultSink> sinks;
    private final ProgressListener progress;
    private final int fetchConcurrency;
    private final Duration leaseTimeout;
    private final boolean collectValues;
    private final boolean strict;

    private Pipeline(Builder b, LocalDate from, LocalDate to) {
        this.universe = b.universe;
        this.source = b.source;
        this.from = from;
        this.to = to;
        this.indicators = List.copyOf(b.indicators);
        this.backend = b.backend;
        this.backendOptions = b.backendOptions;
        this.partitioner = b.partitioner;
        this.sinks = List.copyOf(b.sinks);
        this.progress = b.progress;
        this.fetchConcurrency = b.fetchConcurrency > 0 ? Math.min(b.fetchConcurrency, source.maxConcurrency()) : source.maxConcurrency();
        this.leaseTimeout = b.leaseTimeout;
        this.collectValues = b.collectValues;
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
    public List<Indicator> indicators() { return indicators; }
    public Partitioner partitioner() { return partitioner; }

    /**
     * Runs the pipeline.
     *
     * @throws PipelineException when the run fails as a whole (no usable backend, a sink cannot write);
     *                           every MPI rank throws alike
     */
    public PipelineResult run() {
        long t0 = System.nanoTime();
        // the root chooses the backend and checks the sinks; every worker learns the verdict, so that all
        // go on or stop alike, and all use the root's choice (a leaser is collective across workers)
        String decision;
        try {
            BackendProvider chosen = Backends.choose(backend);
            if (partitioner.isRoot()) for (ResultSink sink : sinks) sink.check();
            decision = "ok " + chosen.name();
        } catch (IOException e) {
            decision = "error cannot write output: " + IoErrors.describe(e);
        } catch (RuntimeException e) {
            decision = "error " + e.getMessage();
        }
        decision = partitioner.broadcast(decision);
        if (decision.startsWith("error ")) throw new PipelineException(decision.substring(6));
        BackendProvider provider = Backends.choose(decision.substring(3));

        List<Constituent> members = universe.members();
        long[] weights = new long[members.size()];
        long weekdays = weekdays(from, to);   // the weight of a symbol whose source cannot estimate its bars
        for (int i = 0; i < weights.length; i++) {
            int n = source.expectedBars(members.get(i), from, to);
            weights[i] = n >= 0 ? n : weekdays;
        }
        List<List<Constituent>> plan = Plans.balanced(members, weights, partitioner.workers());
        long tPlanned = System.nanoTime();

        int devices = provider.deviceCount();
        int threads = backendOptions.threads() > 0 ? backendOptions.threads()
                : Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, partitioner.workersPerHost()));
        BackendProvider chosen = provider;
        List<PartResult> parts;
        // the source's cap is per machine: processes on one host share it
        int fetchThreads = Math.max(1, -Math.floorDiv(-fetchConcurrency, Math.max(1, partitioner.processesPerHost())));
        ExecutorService fetchPool = Executors.newFixedThreadPool(fetchThreads, daemon("hybridta-fetch"));
        try (DeviceLeaser leaser = devices > 0 ? partitioner.leaser(devices) : null) {
            parts = partitioner.runParts(plan, (part, ms) -> runPart(part, ms, chosen, leaser, threads, fetchPool));
        } finally {
            fetchPool.shutdownNow();
        }
        long tGathered = System.nanoTime();

        List<SymbolStatus> statuses = new ArrayList<>();
        RunOutput output = null;
        List<Path> files = new ArrayList<>();
        String failure = null;
        long tWritten = tGathered;
        if (partitioner.isRoot()) {
            statuses = orderedStatuses(parts, members);
            output = collectValues ? RunOutput.of(parts, members, indicators, source.isSynthetic()) : null;
            try {
                // nothing computed, nothing written: an empty file would only hide the failure
                if (output == null) log.debug("values not collected; no sinks");
                else if (output.size() == 0) log.debug("no symbol could be computed; no output written");   // the statuses say why
                else for (ResultSink sink : sinks) files.addAll(sink.write(output));
            } catch (IOException e) {
                failure = "cannot write output: " + IoErrors.describe(e) + written(files);
            } catch (RuntimeException | OutOfMemoryError e) {
                failure = OutOfMemory.in(e)
                        ? OutOfMemory.message("writing the output of " + OutOfMemory.number(output.size()) + " symbols",
                                "fewer symbols or a shorter date range per run") + written(files)
                        : "writing output failed: " + e + written(files);
            }
            tWritten = System.nanoTime();
        }
        String outcome = partitioner.broadcast(failure);
        if (outcome != null) throw new PipelineException(outcome);

        long fetchMax = 0, computeMax = 0;
        Set<String> backends = new LinkedHashSet<>();
        for (PartResult p : parts) {
            fetchMax = Math.max(fetchMax, p.fetchNanos());
            computeMax = Math.max(computeMax, p.computeNanos());
            if (!p.backend().isEmpty()) backends.add(p.backend());
        }
        long gather = Math.max(0, (tGathered - tPlanned) - maxPartNanos(parts));
        StageTimings timings = new StageTimings(Duration.ofNanos(tPlanned - t0), Duration.ofNanos(fetchMax),
                Duration.ofNanos(computeMax), Duration.ofNanos(gather), Duration.ofNanos(tWritten - tGathered),
                Duration.ofNanos(System.nanoTime() - t0));
        String backendText = backends.isEmpty() ? provider.name() : String.join("; ", backends);
        List<PipelineResult.Part> partSummaries = new ArrayList<>(parts.size());
        for (PartResult p : parts) {
            int ok = 0;
            long bars = 0;
            for (SymbolStatus s : p.statuses()) {
                if (s.isOk()) {
                    ok++;
                    bars += s.bars();
                }
            }
            partSummaries.add(new PipelineResult.Part(p.part(), p.backend(), ok, bars, Duration.ofNanos(p.fetchNanos()),
                    Duration.ofNanos(p.computeNanos())));
        }
        partSummaries.sort(java.util.Comparator.comparingInt(PipelineResult.Part::part));
        return new PipelineResult(partitioner.isRoot(), statuses, output, files, backendText, source.name(), source.isSynthetic(),
                partitioner.name(), timings, partSummaries);
    }

    /** What the sinks wrote before one failed: complete files, kept. */
    private static String written(List<Path> files) {
        if (files.isEmpty()) return "";
        return " (written before: " + String.join(", ", files.stream().map(Path::toString).limit(3).toList())
                + (files.size() > 3 ? " and " + (files.size() - 3) + " more" : "") + ")";
    }

    private static long weekdays(LocalDate from, LocalDate to) {
        long weekdays = 0;
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) weekdays++;
        }
        return weekdays;
    }

    private static long maxPartNanos(List<PartResult> parts) {
        long max = 0;
        for (PartResult p : parts) max = Math.max(max, p.fetchNanos() + p.computeNanos());
        return max;
    }

    private static List<SymbolStatus> orderedStatuses(List<PartResult> parts, List<Constituent> members) {
        java.util.Map<String, SymbolStatus> bySymbol = new java.util.HashMap<>();
        for (PartResult p : parts) for (SymbolStatus s : p.statuses()) bySymbol.put(s.symbol(), s);
        List<SymbolStatus> ordered = new ArrayList<>(members.size());
        for (Constituent c : members) {
            SymbolStatus s = bySymbol.get(c.symbol());
            ordered.add(s != null ? s : SymbolStatus.failed(c.symbol(), FailureKind.ERROR, "no worker reported this symbol"));
        }
        return ordered;
    }

    /** One part: fetch its members concurrently, then compute them all in one backend call. */
    private PartResult runPart(int part, List<Constituent> members, BackendProvider provider, DeviceLeaser leaser,
                               int threads, ExecutorService fetchPool) {
        long t0 = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        int total = members.size();
        List<Future<FetchResult>> futures = new ArrayList<>(total);
        for (Constituent c : members) futures.add(fetchPool.submit(() -> fetchOne(c)));
        List<SymbolStatus> statuses = new ArrayList<>(Arrays.asList(new SymbolStatus[total]));
        List<BarSeries> ok = new ArrayList<>();
        List<Integer> okIndex = new ArrayList<>();
        try {
            for (int i = 0; i < total; i++) {
                FetchResult r = await(futures.get(i), members.get(i));
                if (r instanceof FetchResult.Ok o) {
                    ok.add(o.series());
                    okIndex.add(i);
                } else {
                    FetchResult.Failed f = (FetchResult.Failed) r;
                    statuses.set(i, SymbolStatus.failed(members.get(i).symbol(), f.kind(), f.reason()));
                    progress.symbolDone(statuses.get(i), done.incrementAndGet(), total);
                }
            }
        } catch (OutOfMemoryError e) {
            // the heap is too small for the part, not for one symbol: the part's symbols fail together, with the fix;
            // what was fetched is dropped first (finished futures hold their bars), so that the message has room
            for (Future<FetchResult> f : futures) f.cancel(true);
            futures.clear();
            ok.clear();
            String reason = OutOfMemory.message("fetching " + OutOfMemory.number(total) + " symbols, " + from + " to " + to,
                    "fewer symbols or a shorter date range per run");
            log.debug("part {}: {}", part, reason);
            return failedPart(part, members, reason, System.nanoTime() - t0);
        }
        long t1 = System.nanoTime();
        IndicatorValues values = null;
        String backendText = "";
        if (!ok.isEmpty()) {
            try {
                Panel panel = Panel.of(ok);
                try (DeviceLease lease = leaser == null ? null : leaser.acquire(leaseTimeout)) {
                    BackendOptions options = new BackendOptions(backendOptions.precision(), threads,
                            lease == null ? backendOptions.device() : lease.device(), backendOptions.deviceMemoryBudget());
                    try (ComputeBackend b = provider.create(options)) {
                        values = b.compute(panel, indicators);
                        backendText = b.description();
                    }
                }
            } catch (LeaseTimeoutException | RuntimeException | OutOfMemoryError e) {
                // the part's symbols fail together; other parts go on
                int symbols = ok.size(), bars = maxBars(ok);
                if (OutOfMemory.in(e)) ok.clear();   // room for the message
                String reason = OutOfMemory.in(e)
                        ? OutOfMemory.message("computing " + OutOfMemory.number(symbols) + " symbols x " + OutOfMemory.number(bars) + " bars for "
                                + Indicators.columns(indicators).size() + " output columns", "fewer symbols or a shorter date range per run")
                        : "compute failed: " + (e.getMessage() == null ? e.toString() : e.getMessage());
                if (OutOfMemory.in(e)) log.debug("part {}: {}", part, reason);   // the summary says it, once
                else log.error("part {}: {}", part, reason, e);
                for (int i : okIndex) statuses.set(i, SymbolStatus.failed(members.get(i).symbol(), FailureKind.ERROR, reason));
                ok.clear();
                values = null;
            }
        }
        for (int k = 0; k < ok.size(); k++) {
            int i = okIndex.get(k);
            statuses.set(i, SymbolStatus.ok(members.get(i).symbol(), ok.get(k).size()));
        }
        for (int i : okIndex) progress.symbolDone(statuses.get(i), done.incrementAndGet(), total);
        long t2 = System.nanoTime();
        if (!collectValues) return new PartResult(part, "part " + part, List.of(), null, statuses, t1 - t0, t2 - t1, backendText);
        return new PartResult(part, "part " + part, ok, values, statuses, t1 - t0, t2 - t1, backendText);
    }

    private static int maxBars(List<BarSeries> series) {
        int max = 0;
        for (BarSeries s : series) max = Math.max(max, s.size());
        return max;
    }

    private static PartResult failedPart(int part, List<Constituent> members, String reason, long fetchNanos) {
        List<SymbolStatus> statuses = new ArrayList<>(members.size());
        for (Constituent c : members) statuses.add(SymbolStatus.failed(c.symbol(), FailureKind.ERROR, reason));
        return new PartResult(part, "part " + part, List.of(), null, statuses, fetchNanos, 0, "");
    }

    private FetchResult fetchOne(Constituent c) {
        try {
            FetchResult r = source.fetch(c, from, to);
            if (r == null) return FetchResult.failed(c.symbol(), FailureKind.ERROR, source.name() + " returned nothing");
            if (r instanceof FetchResult.Ok o && !o.series().symbol().equals(c.symbol())) {
                return FetchResult.failed(c.symbol(), FailureKind.BAD_DATA, source.name() + " returned bars of " + o.series().symbol());
            }
            return BarChecks.apply(r, strict);
        } catch (RuntimeException e) {
            return FetchResult.failed(c.symbol(), FailureKind.ERROR, source.name() + " failed: " + e);
        }
    }

    private static FetchResult await(Future<FetchResult> f, Constituent c) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FetchResult.failed(c.symbol(), FailureKind.ERROR, "interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OutOfMemoryError oom) throw oom;   // the part's problem, not this symbol's
            return FetchResult.failed(c.symbol(), FailureKind.ERROR, String.valueOf(e.getCause()));
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
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
            Set<String> columns = new LinkedHashSet<>();
            for (String c : Indicators.columns(indicators)) {
                if (!columns.add(c)) throw new IllegalArgumentException("indicator column " + c + " is requested twice");
            }
            // before any work: a sink whose library is missing, or of another version, fails here, not after the compute
            for (ResultSink sink : sinks) sink.checkDependencies();
            return new Pipeline(this, span.from(), span.to());
        }
    }
}
