package org.hybridta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.BackendProvider;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.indicator.Indicators;
import org.hybridta.parallel.DeviceLease;
import org.hybridta.parallel.DeviceLeaser;
import org.hybridta.parallel.LeaseTimeoutException;
import org.hybridta.parallel.PartResult;
import org.hybridta.parallel.PartWork;
import org.hybridta.source.Constituent;
import org.hybridta.source.FailureKind;
import org.hybridta.source.FetchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pipeline's work on its parts, in one process: fetch a part's symbols concurrently (the next part's while this
 * one computes), compute them in one backend call under a device lease, and cut bars and values to the run's range.
 */
final class PartRunner implements PartWork, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PartRunner.class);

    private final Pipeline pipeline;
    private final BackendProvider provider;
    private final DeviceLeaser leaser;
    private final int threads;
    private final ExecutorService fetchPool;
    private final long ownSymbols;
    private final RunCollector collector;
    private final Map<Integer, List<Future<FetchResult>>> prefetched = new ConcurrentHashMap<>();
    /** Without devices to lease, each worker thread keeps its backend for all its parts. */
    private final Map<Thread, ComputeBackend> backends = new ConcurrentHashMap<>();
    private final AtomicLong fetched = new AtomicLong(), computed = new AtomicLong();
    private final WorkerTotals own = new WorkerTotals();

    /**
     * @param ownSymbols the symbols this process computes, for the progress of fetch and compute (-1: unknown)
     * @param collector  the root's collector, whose failure to write stops the parts not begun; null elsewhere
     */
    PartRunner(Pipeline pipeline, BackendProvider provider, DeviceLeaser leaser, int threads, int fetchThreads, long ownSymbols,
               RunCollector collector) {
        this.pipeline = pipeline;
        this.provider = provider;
        this.leaser = leaser;
        this.threads = threads;
        this.ownSymbols = ownSymbols;
        this.collector = collector;
        this.fetchPool = Executors.newFixedThreadPool(fetchThreads, r -> {
            Thread t = new Thread(r, "hybridta-fetch");
            t.setDaemon(true);
            return t;
        });
    }

    @Override public void prepare(int part, List<Constituent> members) {
        prefetched.computeIfAbsent(part, p -> submit(members));
    }

    @Override public PartResult run(int part, List<Constituent> members) {
        String worker = "worker " + part % Math.max(1, pipeline.partitioner().workers());
        List<Future<FetchResult>> futures = prefetched.remove(part);
        String stopped = collector == null ? null : collector.failure();
        if (stopped != null) {   // the output cannot be written: no use computing more
            if (futures != null) futures.forEach(f -> f.cancel(true));
            return failed(part, worker, members, "not computed: " + stopped, 0);
        }
        long t0 = System.nanoTime();
        if (futures == null) futures = submit(members);
        int total = members.size();
        SymbolStatus[] statuses = new SymbolStatus[total];
        List<BarSeries> ok = new ArrayList<>();
        List<Integer> okIndex = new ArrayList<>();
        List<Integer> before = new ArrayList<>();
        try {
            for (int i = 0; i < total; i++) {
                FetchResult r = await(futures.get(i), members.get(i));
                if (r instanceof FetchResult.Ok o) {
                    BarSeries s = o.series();
                    int history = s.countBefore(pipeline.from());
                    if (history == s.size()) {
                        statuses[i] = SymbolStatus.failed(members.get(i).symbol(), FailureKind.NO_DATA, "no bars from " + pipeline.from()
                                + " to " + pipeline.to() + (history > 0 ? " (its last bar is " + s.date(history - 1) + ")" : ""));
                    } else {
                        ok.add(s);
                        okIndex.add(i);
                        before.add(history);
                    }
                } else {
                    FetchResult.Failed f = (FetchResult.Failed) r;
                    statuses[i] = SymbolStatus.failed(members.get(i).symbol(), f.kind(), f.reason());
                }
            }
        } catch (OutOfMemoryError e) {
            // the heap is too small for the part, not for one symbol: the part's symbols fail together, with the fix;
            // what was fetched is dropped first (finished futures hold their bars), so that the message has room
            for (Future<FetchResult> f : futures) f.cancel(true);
            futures = null;
            ok.clear();
            String reason = OutOfMemory.message("fetching " + OutOfMemory.number(total) + " symbols, " + pipeline.fetchFrom() + " to "
                    + pipeline.to(), "fewer symbols or a shorter date range per run");
            log.debug("part {}: {}", part, reason);
            return failed(part, worker, members, reason, System.nanoTime() - t0);
        }
        long t1 = System.nanoTime();
        advance(ProgressListener.Stage.FETCH, fetched, total);
        IndicatorValues values = null;
        String backendText = "";
        if (!ok.isEmpty()) {
            try {
                Panel panel = Panel.of(ok);
                try (DeviceLease lease = leaser == null ? null : leaser.acquire(pipeline.leaseTimeout())) {
                    ComputeBackend b = lease == null ? backends.computeIfAbsent(Thread.currentThread(), t -> open(-1)) : open(lease.device());
                    try {
                        values = b.compute(panel, pipeline.indicators());
                        backendText = b.description();
                    } finally {
                        if (lease != null) b.close();
                    }
                }
            } catch (LeaseTimeoutException | RuntimeException | OutOfMemoryError e) {
                // the part's symbols fail together; other parts go on
                int symbols = ok.size(), bars = 0;
                for (BarSeries s : ok) bars = Math.max(bars, s.size());
                if (OutOfMemory.in(e)) ok.clear();   // room for the message
                String reason = OutOfMemory.in(e)
                        ? OutOfMemory.message("computing " + OutOfMemory.number(symbols) + " symbols x " + OutOfMemory.number(bars) + " bars for "
                                + Indicators.columns(pipeline.indicators()).size() + " output columns", "fewer symbols or a shorter date range per run")
                        : "compute failed: " + (e.getMessage() == null ? e.toString() : e.getMessage());
                if (OutOfMemory.in(e)) log.debug("part {}: {}", part, reason);   // the summary says it, once
                else log.error("part {}: {}", part, reason, e);
                for (int i : okIndex) statuses[i] = SymbolStatus.failed(members.get(i).symbol(), FailureKind.ERROR, reason);
                ok.clear();
                values = null;
            }
        }
        // the run writes [from, to): the warm-up before it is dropped, from the bars and from the values
        List<BarSeries> inRange = new ArrayList<>(ok.size());
        int[] history = new int[ok.size()];
        long bars = 0;
        for (int k = 0; k < ok.size(); k++) {
            BarSeries s = ok.get(k);
            history[k] = before.get(k);
            inRange.add(history[k] == 0 ? s : s.between(pipeline.from(), pipeline.to()));
            statuses[okIndex.get(k)] = SymbolStatus.ok(s.symbol(), s.size() - history[k], history[k]);
            bars += s.size() - history[k];
        }
        if (values != null && Arrays.stream(history).anyMatch(h -> h > 0)) values = values.dropLeading(history);
        long t2 = System.nanoTime();
        advance(ProgressListener.Stage.COMPUTE, computed, total);
        own.add(worker, ok.size(), bars, t1 - t0, t2 - t1, backendText);
        List<SymbolStatus> all = Arrays.asList(statuses);
        if (!pipeline.collectValues() || inRange.isEmpty()) return new PartResult(part, worker, List.of(), null, all, t1 - t0, t2 - t1, backendText);
        return new PartResult(part, worker, inRange, values, all, t1 - t0, t2 - t1, backendText);
    }

    /** What this process's workers did, for a worker that is not the root (the root has every worker's, from the results). */
    List<PipelineResult.Worker> own() {
        return own.list();
    }

    private void advance(ProgressListener.Stage stage, AtomicLong counter, int symbols) {
        long done = counter.addAndGet(symbols);
        pipeline.progress().advanced(stage, done, Math.max(done, ownSymbols));
    }

    private ComputeBackend open(int device) {
        BackendOptions o = pipeline.backendOptions();
        return provider.create(new BackendOptions(o.precision(), threads, device >= 0 ? device : o.device(), o.deviceMemoryBudget()));
    }

    private List<Future<FetchResult>> submit(List<Constituent> members) {
        List<Future<FetchResult>> futures = new ArrayList<>(members.size());
        for (Constituent c : members) futures.add(fetchPool.submit(() -> pipeline.fetchOne(c)));
        return futures;
    }

    private PartResult failed(int part, String worker, List<Constituent> members, String reason, long fetchNanos) {
        List<SymbolStatus> statuses = new ArrayList<>(members.size());
        for (Constituent c : members) statuses.add(SymbolStatus.failed(c.symbol(), FailureKind.ERROR, reason));
        advance(ProgressListener.Stage.FETCH, fetched, members.size());
        advance(ProgressListener.Stage.COMPUTE, computed, members.size());
        return new PartResult(part, worker, List.of(), null, statuses, fetchNanos, 0, "");
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

    /** Stops the fetches and closes the workers' backends. */
    @Override public void close() {
        fetchPool.shutdownNow();
        for (ComputeBackend b : backends.values()) b.close();
        backends.clear();
    }
}
