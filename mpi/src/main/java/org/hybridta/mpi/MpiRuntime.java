package org.hybridta.mpi;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hybridta.io.AtomicFiles;
import org.hybridta.mpi.internal.Transport;
import org.hybridta.mpi.internal.Transport.Reduction;
import org.hybridta.mpi.internal.Transport.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's MPI: started once per process by every rank ({@link #start()}), finalized by {@link #close()}.
 *
 * <p>MPI runs at {@code MPI_THREAD_MULTIPLE}: device leases are taken and given back on compute threads while
 * another thread of the rank may be inside MPI. Every MPI error surfaces as an unchecked {@link MpiException}
 * naming the rank and the operation.
 *
 * <p>{@link #close()} never lets a rank hang: it waits for every rank to arrive (at most
 * {@value #CLOSE_TIMEOUT_PROPERTY} seconds, default 60) and finalizes; when they do not all arrive, or when
 * the ranks are known to be out of step (a rank left a distributed run half-way), it ends the whole job with
 * {@code MPI_Abort} instead, so mpirun exits with a non-zero status on every rank.
 *
 * <pre>{@code
 * try (MpiRuntime mpi = MpiRuntime.start()) {        // under: mpirun -np 4 java …
 *     System.out.println(mpi.describe());            // rank 2 of 4 on node1
 * }
 * }</pre>
 */
public final class MpiRuntime implements AutoCloseable {
    /** System property: seconds {@link #close()} waits for the other ranks before it aborts the job. */
    public static final String CLOSE_TIMEOUT_PROPERTY = "hybridta.mpi.close-timeout-seconds";
    private static final Logger LOG = LoggerFactory.getLogger(MpiRuntime.class);
    private static final Object STARTS = new Object();
    private static MpiRuntime current;
    private static boolean started;

    private final Transport mpi;
    private final int rank;
    private final int size;
    private final int localRank;
    private final int localSize;
    private final int hostCount;
    private final String host;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String outOfStep;
    private volatile Heartbeats heartbeats;
    /** Set as this rank ends the job with a reason already given: mpirun's SIGTERM may reach it before the abort does. */
    private volatile boolean ending;

    private MpiRuntime(Transport mpi) {
        this.mpi = mpi;
        this.rank = mpi.rank(Scope.WORLD);
        this.size = mpi.size(Scope.WORLD);
        this.localRank = mpi.rank(Scope.NODE);
        this.localSize = mpi.size(Scope.NODE);
        this.host = mpi.host();
        this.hostCount = (int) mpi.allReduce(Scope.WORLD, new long[] {localRank == 0 ? 1 : 0}, Reduction.SUM)[0];
    }

    /**
     * Initializes MPI: collective, every rank calls it once. Fails with a message saying what to do when the
     * process was not started by {@code mpirun}, when Open MPI's Java bindings cannot be loaded, or when MPI was
     * started in this process before (MPI cannot be initialized twice).
     */
    public static MpiRuntime start() {
        synchronized (STARTS) {
            if (current != null) {
                throw new IllegalStateException("MPI is already started in this process (" + current.describe() + "); share that MpiRuntime");
            }
            if (started) throw new IllegalStateException("MPI was started and finalized in this process already; it cannot be started twice");
            Bindings.requireLauncher(System.getenv());
            Transport transport = Bindings.start();
            started = true;
            current = new MpiRuntime(transport);
            LOG.debug("MPI started: {} (local rank {} of {}), {}, {}", current.describe(), current.localRank,
                    current.localSize, transport.threadLevel(), transport.library());
            return current;
        }
    }

    /** This process's rank in {@code COMM_WORLD}. */
    public int rank() { return rank; }

    /** Number of ranks in {@code COMM_WORLD}. */
    public int size() { return size; }

    /** Whether this is rank 0, the one that gathers results and writes sinks. */
    public boolean isRoot() { return rank == 0; }

    /** This process's rank among the ranks on its host (from a shared-memory split of {@code COMM_WORLD}). */
    public int localRank() { return localRank; }

    /** Number of ranks on this host. */
    public int localSize() { return localSize; }

    /** Number of hosts the job runs on. */
    public int hostCount() { return hostCount; }

    /** The host this rank runs on ({@code MPI_Get_processor_name}). */
    public String host() { return host; }

    /** The thread level MPI provided ({@code MPI_THREAD_MULTIPLE}). */
    public String threadLevel() { return mpi.threadLevel(); }

    /** The MPI library's own description, e.g. {@code Open MPI v4.1.4, package: Debian OpenMPI, …}. */
    public String library() { return mpi.library(); }

    /** For messages: {@code rank 2 of 4 on node1}. */
    public String describe() {
        return "rank " + rank + " of " + size + " on " + host;
    }

    /** Waits until every rank got here. */
    public void barrier() {
        requireOpen();
        mpi.barrier(Scope.WORLD);
    }

    /**
     * Ends every rank of the job now ({@code MPI_Abort}), after logging {@code reason}: for a rank that cannot
     * go on while the others may be waiting for it. Does not return.
     */
    public void abort(int exitCode, String reason) {
        LOG.error("{}: aborting the MPI job: {}", describe(), reason);
        end(exitCode, reason);
    }

    /** {@link #abort} for a reason already reported to the user in its own words (logged at debug only). */
    void end(int exitCode, String reason) {
        LOG.debug("{}: aborting the MPI job: {}", describe(), reason);
        ending = true;
        AtomicFiles.abandonAll();   // MPI_Abort ends this process natively: no shutdown hook would delete them
        Heartbeats watch = heartbeats;
        if (watch != null) watch.announceEnd();
        System.out.flush();
        System.err.flush();
        mpi.abort(exitCode);
        throw new IllegalStateException("MPI_Abort returned");   // Open MPI ends the process before this
    }

    /**
     * Finalizes MPI once every rank arrived; aborts the job instead when they do not arrive in time, or when
     * the ranks are out of step (see the class description). Safe to call twice.
     */
    @Override public void close() {
        if (!closed.compareAndSet(false, true)) return;
        synchronized (STARTS) {
            current = null;
        }
        String why = outOfStep;
        if (why != null) abort(1, why);
        Duration timeout = closeTimeout();
        Heartbeats watch = heartbeats;
        if (!mpi.barrier(timeout)) {
            String silent = watch == null ? "" : watch.silentFor(timeout);
            abort(1, "not every rank reached the end within " + timeout.toSeconds() + " s (-D" + CLOSE_TIMEOUT_PROPERTY
                    + "); one is probably waiting for a rank that failed" + (silent.isEmpty() ? "" : "; no sign of life from " + silent));
        }
        if (watch != null) watch.close();   // out of MPI before MPI_Finalize
        mpi.finish();
        LOG.debug("MPI finalized: {}", describe());
    }

    private static Duration closeTimeout() {
        String s = System.getProperty(CLOSE_TIMEOUT_PROPERTY, "60");
        try {
            return Duration.ofMillis((long) (Double.parseDouble(s) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + CLOSE_TIMEOUT_PROPERTY + " must be a number of seconds, was \"" + s + "\"");
        }
    }

    /** The progress watchdog of this process's distributed run: it keeps watching while close() waits, and stops before MPI_Finalize. */
    void watchedBy(Heartbeats watch) {
        heartbeats = watch;
    }

    /** Remembers that the ranks may be out of step, so that {@link #close()} aborts the job instead of waiting. */
    void markOutOfStep(String why) {
        outOfStep = why;
    }

    boolean isOpen() {
        return !closed.get();
    }

    /** Whether this rank is ending the job ({@link #abort}, {@link #end}) and has given the reason. */
    boolean isEnding() {
        return ending;
    }

    void requireOpen() {
        if (closed.get()) throw new IllegalStateException(describe() + ": MPI runtime already closed");
    }

    Transport transport() {
        return mpi;
    }
}
