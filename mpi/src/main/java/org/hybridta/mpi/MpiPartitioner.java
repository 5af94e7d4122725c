package org.hybridta.mpi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.hybridta.OutOfMemory;
import org.hybridta.parallel.DeviceLeaser;
import org.hybridta.parallel.PartResult;
import org.hybridta.parallel.PartWork;
import org.hybridta.parallel.Partitioner;
import org.hybridta.source.Constituent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of a plan spread over MPI ranks (part {@code p} on rank {@code p mod size}): rank 0's plan is
 * scattered, every rank runs its parts, and each part's result is streamed, as bytes, to rank 0 as soon as it is
 * computed, where it is written to the sinks, in plan order, while the next parts are computed. Every rank makes the same calls in
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

    /**
     * Whether the job's end has been explained: by another rank (rank 0 hears of it), or by this rank, which is
     * ending the job itself ({@code MPI_Abort} after its line; mpirun's SIGTERM may arrive before the abort ends it).
     */
    @Override public boolean endReported() {
        return runtime.isEnding() || heartbeats.endedElsewhere();
    }

    /**
     * Ends every rank of the job now with {@code exitCode} ({@code MPI_Abort}, after logging {@code reason}), for a
     * rank that cannot go on while the others may be waiting for it. Does not return when the job has other ranks.
     */
    @Override public void abandon(int exitCode, String reason) {
        if (runtime.size() > 1 && runtime.isOpen()) runtime.abort(exitCode, reason);
    }

    /**
     * Scatters rank 0's {@code plan} (part {@code p} to rank {@code p mod size}), runs this rank's parts, and streams
     * their results to rank 0, which hands every part's result to {@code atRoot} in plan order. Each rank computes
     * its next part while the previous one travels; rank 0 computes its own parts on a thread of their own while its
     * caller writes. Collective.
     *
     * @throws IllegalArgumentException on every rank alike, when rank 0's plan is missing or has a missing part
     */
    @Override public void runParts(List<List<Constituent>> plan, PartWork work, Consumer<PartResult> atRoot) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(atRoot, "atRoot");
        requireOpen();
        awaitingOutcome = true;   // from here on the other ranks count on this one until broadcast
        var mpi = runtime.transport();
        int rank = runtime.rank();
        int size = runtime.size();
        List<List<Constituent>> mine;
        long t0 = System.nanoTime();
        if (rank == 0) {
            String refusal = plan == null ? "the plan is missing at rank 0" : null;
            for (int i = 0; refusal == null && i < plan.size(); i++) if (plan.get(i) == null) refusal = "part " + i + " of the plan is missing";
            for (int r = 1; r < size; r++) {
                mpi.send(refusal != null ? Parts.encodeRefusal(refusal) : Parts.encodePlan(partsOf(plan, r, size)), r, TAG_PLAN);
            }
            if (refusal != null) {
                awaitingOutcome = false;   // every rank fails here alike: they stay in step
                throw new IllegalArgumentException(refusal);
            }
            mine = partsOf(plan, 0, size);
        } else {
            try {
                mine = Parts.decodePlan(mpi.receive(0, TAG_PLAN));
            } catch (IllegalArgumentException refused) {
                awaitingOutcome = false;
                throw refused;
            }
        }
        long scatter = System.nanoTime() - t0;
        if (rank != 0) {
            runAndSend(rank, size, mine, work, scatter);
            return;
        }
        gather(plan, mine, work, atRoot, scatter);
    }

    /** Parts {@code rank, rank + size, …} of {@code plan}. */
    private static List<List<Constituent>> partsOf(List<List<Constituent>> plan, int rank, int size) {
        List<List<Constituent>> parts = new ArrayList<>();
        for (int p = rank; p < plan.size(); p += size) parts.add(List.copyOf(plan.get(p)));
        return parts;
    }

    /**
     * Runs this rank's parts in order, each told of the next ({@link PartWork#prepare}); a thread of their own runs
     * them into {@code done}, which holds one result while the previous one is sent.
     */
    private Thread computeInto(int rank, int size, List<List<Constituent>> mine, PartWork work, BlockingQueue<PartResult> done) {
        Thread t = new Thread(() -> {
            for (int k = 0; k < mine.size(); k++) {
                int part = rank + k * size;
                if (k + 1 < mine.size()) work.prepare(part + size, mine.get(k + 1));
                try {
                    done.put(runPart(part, mine.get(k), work));
                } catch (InterruptedException e) {
                    return;   // the rank gave up
                }
            }
        }, "hybridta-parts");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** A rank other than 0: computes its parts and sends each result to rank 0 as soon as the previous one is taken. */
    private void runAndSend(int rank, int size, List<List<Constituent>> mine, PartWork work, long scatter) {
        BlockingQueue<PartResult> done = new ArrayBlockingQueue<>(1);
        Thread computing = computeInto(rank, size, mine, work, done);
        long sent = 0, sending = 0;
        try {
            for (int k = 0; k < mine.size(); k++) {
                PartResult result = done.take();
                long t = System.nanoTime();
                sent += sendResult(result, rank + k * size, mine.get(k));
                sending += System.nanoTime() - t;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpiException("interrupted while sending the results", e);
        } finally {
            computing.interrupt();
        }
        count(scatter, 0, sending, sent);
    }

    /** Sends one result to rank 0: its announcement, then the stream; a result that cannot be laid out fails its symbols. */
    private long sendResult(PartResult result, int part, List<Constituent> members) {
        var mpi = runtime.transport();
        ResultStream stream;
        try {
            stream = ResultStream.of(result);
        } catch (RuntimeException e) {
            LOG.error("{}: the result of part {} cannot be sent", result.worker(), part, e);
            stream = ResultStream.of(Parts.failed(part, result.worker(), members, result.worker() + ": the result cannot be sent: " + describe(e)));
        }
        mpi.send(Parts.encodeAnnouncement(stream.length(), PIECE_BYTES), 0, TAG_RESULT);
        stream.writeTo(new ResultStream.PieceWriter((piece, length) -> mpi.sendAsync(piece, length, 0, TAG_PIECE)::await, PIECE_BYTES));
        return stream.length();
    }

    /**
     * Rank 0: its own parts computed on a thread, the others' results taken in plan order on another (so that taking
     * the next overlaps with writing this one), each handed to {@code atRoot} on the caller's thread. When
     * {@code atRoot} throws, every result is still taken (no rank is left waiting), then the failure is rethrown.
     */
    private void gather(List<List<Constituent>> plan, List<List<Constituent>> mine, PartWork work, Consumer<PartResult> atRoot, long scatter) {
        int size = runtime.size();
        BlockingQueue<PartResult> own = new ArrayBlockingQueue<>(1);
        BlockingQueue<Object> arrived = new ArrayBlockingQueue<>(1);
        long[] times = new long[3];   // waiting for announcements, receiving, bytes
        Thread computing = computeInto(0, size, mine, work, own);
        Thread taking = new Thread(() -> {
            try {
                for (int p = 0; p < plan.size(); p++) {
                    int owner = p % size;
                    arrived.put(owner == 0 ? own.take() : receiveResult(owner, p, plan.get(p), times));
                }
            } catch (InterruptedException e) {
                // the caller gave up
            } catch (RuntimeException | Error e) {   // MPI itself failed: the job cannot go on
                arrived.offer(e);
            }
        }, "hybridta-gather");
        taking.setDaemon(true);
        taking.start();
        Throwable failure = null;
        try {
            for (int p = 0; p < plan.size(); p++) {
                Object next = arrived.take();
                if (next instanceof RuntimeException e) throw e;
                if (next instanceof Error e) throw e;
                if (failure != null) continue;   // taken, not handed on
                try {
                    atRoot.accept((PartResult) next);
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpiException("interrupted while gathering the results", e);
        } finally {
            taking.interrupt();
            computing.interrupt();
        }
        count(scatter, times[0], times[1], times[2]);
        if (failure instanceof RuntimeException re) throw re;
        if (failure instanceof Error err) throw err;
    }

    /**
     * Takes rank {@code r}'s next stream whole, even when it cannot be decoded: its sender must never be left waiting.
     *
     * @param times waiting for the announcement, receiving the stream, and bytes received, added up
     */
    private PartResult receiveResult(int r, int part, List<Constituent> members, long[] times) {
        var mpi = runtime.transport();
        long t0 = System.nanoTime();
        Parts.Announcement a = Parts.decodeAnnouncement(mpi.receive(r, TAG_RESULT));
        long t1 = System.nanoTime();
        ResultStream.PieceReader in = new ResultStream.PieceReader(piece -> mpi.receiveAsync(piece, r, TAG_PIECE).await(), a.pieceBytes(), a.length());
        PartResult result;
        try {
            result = ResultStream.read(in);
            if (!in.atEnd()) throw new IllegalArgumentException("bytes left over after the result");
            if (result.part() != part) throw new IllegalArgumentException("it says it is part " + result.part() + ", not " + part);
        } catch (RuntimeException e) {
            in.drain();
            LOG.error("the result of rank {} is unreadable", r, e);
            result = Parts.failed(part, worker(r, "?"), members, "the result of rank " + r + " is unreadable: " + describe(e));
        } catch (OutOfMemoryError e) {
            in.drain();   // what was read so far is garbage already
            result = Parts.failed(part, worker(r, "?"), members, OutOfMemory.message("at rank 0 receiving the result of rank " + r
                    + " (" + (a.length() >> 20) + " MB)", "more ranks' memory: fewer symbols per run"));
        }
        times[0] += t1 - t0;
        times[1] += System.nanoTime() - t1;
        times[2] += a.length();
        return result;
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

    /**
     * Runs one of this rank's parts; any failure of the work becomes failed statuses for the part's members. The
     * result names its worker {@code rank N@host}, whatever the work called it.
     */
    private PartResult runPart(int part, List<Constituent> members, PartWork work) {
        String worker = worker(runtime.rank(), runtime.host());
        try {
            PartResult r = work.run(part, members);
            if (r == null) return Parts.failed(part, worker, members, worker + ": the part's work returned no result");
            if (r.part() != part) {
                return Parts.failed(part, worker, members, worker + ": the part's work returned part " + r.part() + " for part " + part);
            }
            if (!r.worker().equals(worker)) {
                r = new PartResult(r.part(), worker, r.series(), r.values(), r.statuses(), r.fetchNanos(), r.computeNanos(), r.backend());
            }
            return r;
        } catch (Throwable t) {   // an Error too (a native library missing on one host): the others must not wait
            LOG.error("{}: the work of part {} failed ({} symbols)", worker, part, members.size(), t);
            return Parts.failed(part, worker, members, worker + ": " + describe(t));
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
