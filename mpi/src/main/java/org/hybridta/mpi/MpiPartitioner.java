package org.hybridta.mpi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * others still expect it (between {@code runParts} and {@code broadcast}) aborts the job instead of hanging.
 *
 * <pre>{@code
 * try (MpiPartitioner mpi = MpiPartitioner.open()) {      // every rank, under: mpirun -np 4 java …
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
    private static final int TAG_RESULT = 0x4854_0002;
    private static final int MAX_REASON = 400;

    private final MpiRuntime runtime;
    private final boolean ownsRuntime;
    private final List<MpiDeviceLeaser> leasers = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean awaitingOutcome;
    private final Object timesLock = new Object();
    private long scatterNanos, waitNanos, gatherNanos, broadcastNanos, bytesGathered;
    private int runs;

    private MpiPartitioner(MpiRuntime runtime, boolean ownsRuntime) {
        this.runtime = runtime;
        this.ownsRuntime = ownsRuntime;
    }

    /** Starts MPI ({@link MpiRuntime#start()}) for this partitioner, which finalizes it on close. Collective. */
    public static MpiPartitioner open() {
        return new MpiPartitioner(MpiRuntime.start(), true);
    }

    /** A partitioner over a runtime the caller owns (and closes after the partitioner). */
    public static MpiPartitioner over(MpiRuntime runtime) {
        runtime.requireOpen();
        return new MpiPartitioner(runtime, false);
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
            byte[] bytes = serialize(result, rank, mine);
            mpi.send(bytes, 0, TAG_RESULT);
            count(t1 - t0, 0, System.nanoTime() - t2, bytes.length);
            return List.of();
        }
        // results are taken in the order they arrive: decoding one overlaps with the others still working
        PartResult[] results = new PartResult[size];
        results[0] = result;
        long waited = 0, gathered = 0, bytesIn = 0;
        for (int k = 1; k < size; k++) {
            long a = System.nanoTime();
            int r = mpi.probeAny(TAG_RESULT);
            long b = System.nanoTime();
            byte[] bytes = mpi.receive(r, TAG_RESULT);
            try {
                results[r] = PartResult.fromBytes(bytes);
            } catch (RuntimeException e) {
                results[r] = Parts.failed(r, worker(r, "?"), plan.get(r), "the result of rank " + r + " is unreadable: " + e.getMessage());
            }
            waited += b - a;
            gathered += System.nanoTime() - b;
            bytesIn += bytes.length;
        }
        count(t1 - t0, waited, gathered, bytesIn);
        return List.of(results);
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

    /** The bytes sent to the root: the result, or a failure for its symbols when it cannot travel. */
    private static byte[] serialize(PartResult result, int rank, List<Constituent> members) {
        String worker = result.worker();
        long estimate = Parts.estimatedBytes(result);
        if (estimate > Parts.MAX_MESSAGE_BYTES) {
            return Parts.failed(rank, worker, Parts.members(result), tooLarge(worker, estimate)).toBytes();
        }
        try {
            return result.toBytes();
        } catch (OutOfMemoryError e) {   // "Requested array size exceeds VM limit": over 2 GiB after all
            return Parts.failed(rank, worker, Parts.members(result), tooLarge(worker, estimate)).toBytes();
        } catch (RuntimeException e) {
            LOG.error("{}: the result of part {} cannot be serialized", worker, rank, e);
            return Parts.failed(rank, worker, members, worker + ": the result cannot be serialized: " + describe(e)).toBytes();
        }
    }

    private static String tooLarge(String worker, long bytes) {
        return String.format("%s: the part's result is about %.1f GiB serialized, more than one MPI message can carry"
                + " (2 GiB, a Java array's limit); run with more ranks so that each part is smaller", worker, bytes / (double) (1L << 30));
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
