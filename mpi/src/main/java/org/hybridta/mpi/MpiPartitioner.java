package org.hybridta.mpi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hybridta.OutOfMemory;
import org.hybridta.parallel.DeviceLeaser;
import org.hybridta.parallel.PartResult;
import org.hybridta.parallel.PartWork;
import org.hybridta.parallel.Partitioner;
import org.hybridta.source.Constituent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One part of the plan per MPI rank: rank 0's plan is scattered, every rank runs its own part, and the parts'
 * results are gathered, as bytes, to rank 0, which alone writes the sinks. Every rank makes the same calls in
 * the same order; a {@link org.hybridta.Pipeline} run makes them: {@link #broadcast} (the root's backend choice),
 * {@link #leaser} (when the backend has devices), {@link #runParts}, {@link #broadcast} (the outcome).
 *
 * <p>No rank is left waiting: a part whose work throws becomes failed statuses for its symbols (the gather
 * still gets its message); a plan the root refuses fails on every rank alike; a rank that closes while the
 * others still expect it (between {@code runParts} and {@code broadcast}) aborts the job instead of hanging; and
 * a rank that gives no sign of life for longer than the {@linkplain Builder#progressTimeout progress timeout}
 * (default {@value #DEFAULT_PROGRESS_TIMEOUT_SECONDS} s) — stopped, hung, unreachable — ends the job with one line
 * naming it ({@link Heartbeats}). The job's end is agreed here too: {@link #shareExitCode} gives every rank rank
 * 0's exit code, {@link #abandon} ends the job for a rank that cannot go on.
 *
 * <pre>{@code
 * try (MpiPartitioner mpi = MpiPartitioner.open()) {      // every rank, under: mpirun -np 4 java …
 *                                                          // or MpiPartitioner.builder().progressTimeout(…).open()
 *     PipelineResult result = Pipeline.builder()
 *         .partitioner(mpi)
 *         .sink(CsvSink.to(Path.of("out/indicators.csv")))   // written by rank 0 alone
 *         .build()
 *         .run();                                          // throws on every rank alike when the run fails
 *     if (result.isRoot()) System.out.println(result);
 * }
 * }</pre>
 */
public final class MpiPartitioner implements Partitioner {
    private static final Logger LOG = LoggerFactory.getLogger(MpiPartitioner.class);
    private static final int TAG_PLAN = 0x4854_0001;   // below Open MPI's MPI_TAG_UB (2^31 - 1)
    private static final int TAG_RESULT = 0x4854_0002;   // the announcement of a result stream
    private static final int TAG_PIECE = 0x4854_0003;    // its pieces
    /** System property: threads rank 0 takes results with (default the processors, at most 8). */
    static final String GATHER_THREADS_PROPERTY = "hybridta.mpi.gather-threads";
    /** Pieces of a result stream: 4 MiB, or {@code -Dhybridta.mpi.chunk-bytes} (tests make them small, to cut arrays up). */
    private static final int PIECE_BYTES = Math.max(Long.BYTES, Integer.getInteger("hybridta.mpi.chunk-bytes", 4 << 20));
    private static final int MAX_REASON = 400;
    /** The default progress timeout, in seconds. */
    public static final int DEFAULT_PROGRESS_TIMEOUT_SECONDS = 120;

    private final MpiRuntime runtime;
    private final boolean ownsRuntime;
    private final Heartbeats heartbeats;
    private final List<MpiDeviceLeaser> leasers = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean awaitingOutcome;
    private final Object timesLock = new Object();
    private long scatterNanos, waitNanos, gatherNanos, broadcastNanos, bytesGathered;
    private int runs;

    private MpiPartitioner(MpiRuntime runtime, boolean ownsRuntime, Builder b) {
        this.runtime = runtime;
        this.ownsRuntime = ownsRuntime;
        this.heartbeats = Heartbeats.start(runtime, b.progressTimeout, b.report);
        runtime.watchedBy(heartbeats);
    }

    /**
     * Starts MPI ({@link MpiRuntime#start()}) for this partitioner, which finalizes it on close, with the default
     * progress timeout. Collective.
     */
    public static MpiPartitioner open() {
        return builder().open();
    }

    /** A partitioner over a runtime the caller owns (and closes after the partitioner), with the default progress timeout. */
    public static MpiPartitioner over(MpiRuntime runtime) {
        return builder().over(runtime);
    }

    /** Settings of the partitioner: its progress timeout and where it reports the end of a job. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link MpiPartitioner}; every rank must use the same settings. */
    public static final class Builder {
        private Duration progressTimeout = Duration.ofSeconds(DEFAULT_PROGRESS_TIMEOUT_SECONDS);
        private java.util.function.Consumer<String> report = line -> LOG.error("{}", line);

        private Builder() {}

        /**
         * How long a rank may give no sign of life before the job ends (default
         * {@value #DEFAULT_PROGRESS_TIMEOUT_SECONDS} s). Signs of life are heartbeats of a thread of their own, sent
         * while a rank fetches, computes or writes, so a long part does not count as silence: only a stopped, hung
         * or unreachable process does (or a pause of the whole JVM, such as a very long garbage collection).
         */
        public Builder progressTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.compareTo(Duration.ofMillis(500)) < 0) {
                throw new IllegalArgumentException("the progress timeout must be at least 0.5 s, was " + Heartbeats.seconds(timeout));
            }
            this.progressTimeout = timeout;
            return this;
        }

        /**
         * Where the line that ends a job for a silent rank goes (default: logged at ERROR), e.g.
         * {@code line -> System.err.println("myapp: " + line)}.
         */
        public Builder report(java.util.function.Consumer<String> report) {
            this.report = Objects.requireNonNull(report, "report");
            return this;
        }

        /** Starts MPI ({@link MpiRuntime#start()}) for the partitioner, which finalizes it on close. Collective. */
        public MpiPartitioner open() {
            return new MpiPartitioner(MpiRuntime.start(), true, this);
        }

        /** A partitioner over a runtime the caller owns (and closes after the partitioner). Collective. */
        public MpiPartitioner over(MpiRuntime runtime) {
            runtime.requireOpen();
            return new MpiPartitioner(runtime, false, this);
        }
    }

    public MpiRuntime runtime() {
        return runtime;
    }

    @Override public String name() {
        int hosts = runtime.hostCount();
        return "mpi (" + runtime.size() + (runtime.size() == 1 ? " rank" : " ranks") + " on " + hosts
                + (hosts == 1 ? " host)" : " hosts)");
    }

    @Override public int workers() {
        return runtime.size();
    }

    /** The ranks on this rank's host: they share its processors (and its devices, through {@link #leaser}). */
    @Override public int workersPerHost() {
        return runtime.localSize();
    }

    /** One rank is one process: the ranks on this host share its fetch capacity. */
    @Override public int processesPerHost() {
        return runtime.localSize();
    }

    @Override public boolean isRoot() {
        return runtime.isRoot();
    }

    /** Whether the job has more than one rank: then this rank runs its own part only. */
    @Override public boolean isDistributed() {
        return runtime.size() > 1;
    }

    /** {@code rank 2 of 4 on node3}. */
    @Override public String workerName() {
        return runtime.describe();
    }

    /**
     * Rank 0's exit code, on every rank, so that every process of the job ends with the same status. Collective. A
     * rank that receives anything else is out of step with rank 0 (it missed a collective step): it ends the job
     * rather than hang.
     */
    @Override public int shareExitCode(int exitCode) {
        requireOpen();
        byte[] bytes = runtime.transport().broadcast(runtime.isRoot() ? Parts.encodeExitCode(exitCode) : null, 0);
        awaitingOutcome = false;
        int code = Parts.decodeExitCode(bytes);
        if (code < 0) runtime.abort(1, "out of step with rank 0: expected its exit code, received " + bytes.length + " other bytes");
        return code;
    }

    /** On rank 0: whether another rank ended the job and said why, so that rank 0, stopped by that end, need not. */
    @Override public boolean endedElsewhere() {
        return heartbeats.endedElsewhere();
    }

    /**
     * Ends every rank of the job now with {@code exitCode} ({@code MPI_Abort}, after logging {@code reason}), for a
     * rank that cannot go on while the others may be waiting for it. Does not return when the job has other ranks.
     */
    @Override public void abandon(int exitCode, String reason) {
        if (runtime.size() > 1 && runtime.isOpen()) runtime.abort(exitCode, reason);
    }

    /**
     * Scatters rank 0's {@code plan} (one part per rank), runs this rank's part, and gathers every part's result
     * to rank 0. Collective.
     *
     * @throws IllegalArgumentException on every rank alike, when rank 0's plan does not have {@link #workers()} parts
     */
    @Override public List<PartResult> runParts(List<List<Constituent>> plan, PartWork work) {
        Objects.requireNonNull(work, "work");
        requireOpen();
        awaitingOutcome = true;   // from here on the other ranks count on this one until broadcast
        var mpi = runtime.transport();
        int rank = runtime.rank();
        int size = runtime.size();
        List<Constituent> mine;
        long t0 = System.nanoTime();
        if (rank == 0) {
            String refusal = refusal(plan, size);
            for (int r = 1; r < size; r++) {
                mpi.send(refusal != null ? Parts.encodeRefusal(refusal) : Parts.encodePlan(plan.get(r)), r, TAG_PLAN);
            }
            if (refusal != null) {
                awaitingOutcome = false;   // every rank fails here alike: they stay in step
                throw new IllegalArgumentException(refusal);
            }
            mine = List.copyOf(plan.get(0));
        } else {
            try {
                mine = Parts.decodePlan(mpi.receive(0, TAG_PLAN));
            } catch (IllegalArgumentException refused) {
                awaitingOutcome = false;
                throw refused;
            }
        }
        long t1 = System.nanoTime();
        PartResult result = runPart(rank, mine, work);
        long t2 = System.nanoTime();
        if (rank != 0) {
            long sent = sendResult(result, rank, mine);
            count(t1 - t0, 0, System.nanoTime() - t2, sent);
            return List.of();
        }
        return gather(result, plan, t1 - t0, t2);
    }

    /** Sends this rank's result to rank 0: its announcement, then the stream; a result that cannot be laid out fails its symbols. */
    private long sendResult(PartResult result, int rank, List<Constituent> members) {
        var mpi = runtime.transport();
        ResultStream stream;
        try {
            stream = ResultStream.of(result);
        } catch (RuntimeException e) {
            LOG.error("{}: the result of part {} cannot be sent", result.worker(), rank, e);
            stream = ResultStream.of(Parts.failed(rank, result.worker(), members, result.worker() + ": the result cannot be sent: " + describe(e)));
        }
        mpi.send(Parts.encodeAnnouncement(stream.length(), PIECE_BYTES), 0, TAG_RESULT);
        stream.writeTo(new ResultStream.PieceWriter((piece, length) -> mpi.sendAsync(piece, length, 0, TAG_PIECE)::await, PIECE_BYTES));
        return stream.length();
    }

    /**
     * Rank 0 takes the results in the order they arrive, each on a thread of a small pool (so that decoding one
     * overlaps with taking the next), and puts them in plan order.
     */
    private List<PartResult> gather(PartResult own, List<List<Constituent>> plan, long scatterNanos, long ownEnd) {
        var mpi = runtime.transport();
        int size = runtime.size();
        PartResult[] results = new PartResult[size];
        results[0] = own;
        if (size == 1) {
            count(scatterNanos, 0, 0, 0);
            return List.of(results);
        }
        int threads = Math.max(1, Math.min(size - 1, Integer.getInteger(GATHER_THREADS_PROPERTY,
                Math.min(8, Runtime.getRuntime().availableProcessors()))));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hybridta-gather");
            t.setDaemon(true);
            return t;
        });
        long lastArrival = ownEnd, bytesIn = 0;
        try {
            List<Future<PartResult>> taking = new ArrayList<>();
            List<Integer> from = new ArrayList<>();
            for (int k = 1; k < size; k++) {
                int r = mpi.probeAny(TAG_RESULT);
                Parts.Announcement a = Parts.decodeAnnouncement(mpi.receive(r, TAG_RESULT));
                lastArrival = System.nanoTime();
                bytesIn += a.length();
                List<Constituent> members = plan.get(r);
                taking.add(pool.submit(() -> receiveResult(r, a, members)));
                from.add(r);
            }
            for (int i = 0; i < taking.size(); i++) results[from.get(i)] = await(taking.get(i));
        } finally {
            pool.shutdownNow();
        }
        // waiting: until the last rank had its result ready; what the gather added is the rest
        long waited = Math.max(0, lastArrival - ownEnd);
        count(scatterNanos, waited, System.nanoTime() - ownEnd - waited, bytesIn);
        return List.of(results);
    }

    /** Takes rank {@code r}'s stream whole, even when it cannot be decoded: its sender must never be left waiting. */
    private PartResult receiveResult(int r, Parts.Announcement a, List<Constituent> members) {
        var mpi = runtime.transport();
        ResultStream.PieceReader in = new ResultStream.PieceReader(piece -> mpi.receiveAsync(piece, r, TAG_PIECE).await(), a.pieceBytes(), a.length());
        PartResult result;
        try {
            result = ResultStream.read(in);
            if (!in.atEnd()) throw new IllegalArgumentException("bytes left over after the result");
            if (result.part() != r) throw new IllegalArgumentException("it says it is part " + result.part());
        } catch (RuntimeException e) {
            in.drain();
            LOG.error("the result of rank {} is unreadable", r, e);
            result = Parts.failed(r, worker(r, "?"), members, "the result of rank " + r + " is unreadable: " + describe(e));
        } catch (OutOfMemoryError e) {
            in.drain();   // what was read so far is garbage already
            result = Parts.failed(r, worker(r, "?"), members, OutOfMemory.message("at rank 0 receiving the result of rank " + r
                    + " (" + (a.length() >> 20) + " MB)", "more ranks' memory: fewer symbols per run"));
        }
        return result;
    }

    private static PartResult await(Future<PartResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpiException("interrupted while gathering the results", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;   // an MPI failure: the job cannot go on
            if (cause instanceof Error err) throw err;
            throw new MpiException("gathering the results failed: " + cause, cause);
        }
    }

    private void count(long scatter, long wait, long gather, long bytes) {
        synchronized (timesLock) {
            scatterNanos += scatter;
            waitNanos += wait;
            gatherNanos += gather;
            bytesGathered += bytes;
            runs++;
        }
    }

    /**
     * The time this rank spent communicating, summed over this partitioner's runs so far: subtract an earlier
     * snapshot ({@link CommunicationTimes#minus}) for the runs in between.
     */
    public CommunicationTimes communication() {
        synchronized (timesLock) {
            return new CommunicationTimes(Duration.ofNanos(scatterNanos), Duration.ofNanos(waitNanos), Duration.ofNanos(gatherNanos),
                    Duration.ofNanos(broadcastNanos), bytesGathered, runs);
        }
    }

    private static String refusal(List<List<Constituent>> plan, int size) {
        if (plan == null) return "the plan is missing at rank 0";
        if (plan.size() != size) {
            return "the plan has " + plan.size() + " parts for " + size + " MPI ranks; it needs one part per rank (workers())";
        }
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i) == null) return "part " + i + " of the plan is null";
        }
        return null;
    }

    /**
     * Runs this rank's part; any failure of the work becomes failed statuses for the part's members. The result
     * names its worker {@code rank N@host}, whatever the work called it (the pipeline says {@code part N}).
     */
    private PartResult runPart(int rank, List<Constituent> members, PartWork work) {
        String worker = worker(rank, runtime.host());
        try {
            PartResult r = work.run(rank, members);
            if (r == null) return Parts.failed(rank, worker, members, worker + ": the part's work returned no result");
            if (r.part() != rank) {
                return Parts.failed(rank, worker, members, worker + ": the part's work returned part " + r.part() + " for part " + rank);
            }
            if (!r.worker().equals(worker)) {
                r = new PartResult(r.part(), worker, r.series(), r.values(), r.statuses(), r.fetchNanos(), r.computeNanos(), r.backend());
            }
            return r;
        } catch (Throwable t) {   // an Error too (a native library missing on one host): the others must not wait
            LOG.error("{}: the work of part {} failed ({} symbols)", worker, rank, members.size(), t);
            return Parts.failed(rank, worker, members, worker + ": " + describe(t));
        }
    }

    private static String worker(int rank, String host) {
        return "rank " + rank + "@" + host;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getName()
                : t.getClass().getSimpleName() + ": " + t.getMessage().strip();
        message = message.replace('\n', ' ');
        return message.length() <= MAX_REASON ? message : message.substring(0, MAX_REASON) + "…";
    }

    /**
     * Broadcasts rank 0's text (the pipeline's backend decision, its outcome — {@code null} for success — or a
     * command's exit code), so that every rank goes on, or stops, alike. Collective.
     */
    @Override public String broadcast(String rootOutcome) {
        requireOpen();
        long t0 = System.nanoTime();
        byte[] bytes = runtime.transport().broadcast(runtime.isRoot() ? Parts.encodeOutcome(rootOutcome) : null, 0);
        awaitingOutcome = false;
        synchronized (timesLock) {
            broadcastNanos += System.nanoTime() - t0;
        }
        return Parts.decodeOutcome(bytes);
    }

    /**
     * A leaser over {@code deviceCount} devices per host, shared by the ranks of each host. Collective over the
     * ranks of a host, like its {@link DeviceLeaser#close()}; the partitioner closes those still open when it
     * closes, in the order they were made.
     */
    @Override public DeviceLeaser leaser(int deviceCount) {
        requireOpen();
        MpiDeviceLeaser leaser = MpiDeviceLeaser.create(runtime, deviceCount);
        synchronized (leasers) {
            leasers.add(leaser);
        }
        return leaser;
    }

    /**
     * Closes the leasers still open, then finalizes MPI if this partitioner started it. When this rank leaves
     * between {@link #runParts} and {@link #broadcast} the others would wait for it forever: the job is
     * aborted instead. Safe to call twice.
     */
    @Override public void close() {
        if (!closed.compareAndSet(false, true)) return;
        if (!ownsRuntime) heartbeats.close();   // the owner's runtime stops them itself, after its closing barrier
        if (awaitingOutcome) {
            runtime.markOutOfStep(runtime.describe() + " left the distributed run between runParts and broadcast");
        }
        try {
            if (!awaitingOutcome && runtime.isOpen()) {
                List<MpiDeviceLeaser> open;
                synchronized (leasers) {
                    open = List.copyOf(leasers);
                }
                for (MpiDeviceLeaser l : open) l.close();
            }
        } finally {
            if (ownsRuntime || awaitingOutcome) runtime.close();
        }
    }

    private void requireOpen() {
        if (closed.get()) throw new IllegalStateException(runtime.describe() + ": MpiPartitioner already closed");
        runtime.requireOpen();
    }
}
