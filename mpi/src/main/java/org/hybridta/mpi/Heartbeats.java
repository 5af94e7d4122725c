package org.hybridta.mpi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.hybridta.mpi.internal.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress watchdog of a distributed run: a daemon thread per rank sends rank 0 a sign of life (an empty
 * message) every {@code timeout / 10} (at most 5 s), rank 0 sends one to every rank, and each takes those it
 * receives. When a rank it waits on has given none for longer than the timeout — a stopped ({@code SIGSTOP}),
 * hung or unreachable process — it reports one line naming that rank and ends the job ({@code MPI_Abort}), so
 * that no rank waits forever in a gather or a broadcast.
 *
 * <p>Rank 0 watches every rank; the others watch rank 0 (a star, not a mesh: two messages per rank and
 * interval). When rank 0 falls silent, every other rank notices; rank {@code r} waits {@code min(r - 1, 5) × 2 s}
 * longer than rank 1 before it acts, so that the job ends with one line (rank 1's) rather than one per rank.
 *
 * <p>The thread is the only user of its tag and never blocks in MPI (non-blocking sends, probes), so it goes on
 * watching whatever the rank's other threads are stuck in.
 */
final class Heartbeats implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeats.class);
    /** Below Open MPI's MPI_TAG_UB, apart from the partitioner's tags. */
    static final int TAG = 0x4854_0010;
    /**
     * A rank's word that it is ending the job and has said why: to rank 0 from the rank that ends it (rank 0, about to
     * be stopped, need not say more), or from rank 0 to every rank (they stop watching rank 0).
     */
    static final int TAG_END = 0x4854_0011;
    /** Heartbeats to one rank that may be left unreceived before no more are sent to it (a stopped rank takes none). */
    private static final int MAX_PENDING = 16;

    private final MpiRuntime runtime;
    private final Transport mpi;
    private final Duration timeout;
    private final Consumer<String> report;
    private final long intervalNanos;
    private final long graceNanos;
    private final int[] peers;
    private final AtomicLongArray lastHeard;   // System.nanoTime() of each rank's last sign of life
    private final List<List<Transport.Pending>> pending = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile int endedBy = -1;

    private Heartbeats(MpiRuntime runtime, Duration timeout, Consumer<String> report) {
        this.runtime = runtime;
        this.mpi = runtime.transport();
        this.timeout = timeout;
        this.report = report;
        this.intervalNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(50), Math.min(TimeUnit.SECONDS.toNanos(5), timeout.toNanos() / 10));
        int rank = runtime.rank();
        this.graceNanos = rank == 0 ? 0 : TimeUnit.SECONDS.toNanos(2L * Math.min(rank - 1, 5));
        this.peers = rank == 0 ? java.util.stream.IntStream.range(1, runtime.size()).toArray() : new int[] {0};
        this.lastHeard = new AtomicLongArray(runtime.size());
        for (int i = 0; i < runtime.size(); i++) pending.add(new ArrayList<>());
        this.thread = new Thread(this::run, "hybridta-mpi-heartbeat");
        this.thread.setDaemon(true);
    }

    /** Starts watching (a no-op on a job of one rank). Every rank of the job starts one. */
    static Heartbeats start(MpiRuntime runtime, Duration timeout, Consumer<String> report) {
        Heartbeats h = new Heartbeats(runtime, timeout, report);
        long now = System.nanoTime();
        for (int i = 0; i < runtime.size(); i++) h.lastHeard.set(i, now);
        if (runtime.size() > 1) h.thread.start();
        return h;
    }

    private void run() {
        long nextBeat = System.nanoTime(), lastTurn = nextBeat;
        // a turn of this loop takes at most a park of intervalNanos / 4; a far longer gap means this rank itself was
        // not running (stopped, then continued as mpirun ends the job, or starved): it cannot tell how long the others
        // were silent, so their clocks restart
        long stalled = Math.max(timeout.toNanos() / 2, 4 * intervalNanos);
        try {
            while (!stopping) {
                long now = System.nanoTime();
                if (now - lastTurn > stalled) {
                    for (int peer : peers) lastHeard.set(peer, now);
                }
                lastTurn = now;
                for (int source = mpi.takeSignal(TAG); source >= 0; source = mpi.takeSignal(TAG)) lastHeard.set(source, now);
                int ender = mpi.takeSignal(TAG_END);
                if (ender >= 0) {
                    endedBy = ender;
                    // rank 0 is ending the job and has said why: nothing left to watch, and nothing more to say
                    if (!runtime.isRoot()) return;
                }
                if (now - nextBeat >= 0) {
                    for (int peer : peers) beat(peer);
                    nextBeat = now + intervalNanos;
                }
                for (int peer : peers) {
                    long silent = now - lastHeard.get(peer);
                    if (silent > timeout.toNanos() + graceNanos) {
                        giveUp(peer, silent);
                        return;
                    }
                }
                LockSupport.parkNanos(Math.min(intervalNanos / 4, TimeUnit.MILLISECONDS.toNanos(250)));
            }
        } catch (RuntimeException e) {
            // MPI itself failed (the job is ending): nothing left to watch
            LOG.debug("heartbeats stopped: {}", e.toString());
        }
    }

    private void beat(int peer) {
        List<Transport.Pending> sent = pending.get(peer);
        sent.removeIf(Transport.Pending::test);
        if (sent.size() < MAX_PENDING) sent.add(mpi.signal(peer, TAG));
    }

    private void giveUp(int peer, long silentNanos) {
        String line = String.format(Locale.ROOT, "rank %d of %d has given no sign of life for %d s, longer than the progress timeout (%s):"
                        + " it is stopped, hung or unreachable; ending the job", peer, runtime.size(), TimeUnit.NANOSECONDS.toSeconds(silentNanos),
                seconds(timeout));
        try {
            report.accept(line);
            if (runtime.isRoot()) tellOthersTheJobEnds();
        } finally {
            runtime.end(1, line);
        }
    }

    /**
     * Rank 0, about to end the job for a silent rank, tells the others, so that none of them, still running while
     * mpirun stops the job (seconds on a loaded machine), reports rank 0's own silence as a second line.
     */
    private void tellOthersTheJobEnds() {
        List<Transport.Pending> sent = new ArrayList<>();
        for (int peer : peers) sent.add(mpi.signal(peer, TAG_END));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        // a stopped peer never takes its signal: wait for the others, briefly
        while (System.nanoTime() - deadline < 0 && !sent.stream().allMatch(Transport.Pending::test)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Whether another rank has ended the job and said why ({@link #announceEnd}); on rank 0 only. */
    boolean endedElsewhere() {
        return endedBy >= 0;
    }

    /**
     * Tells rank 0 that this rank is ending the job and has said why, and gives rank 0's thread the time to take
     * it (it polls every {@code interval / 4}, at most 250 ms), so that rank 0, stopped by the end, says nothing.
     */
    void announceEnd() {
        if (runtime.isRoot() || runtime.size() < 2 || !thread.isAlive()) return;
        try {
            Transport.Pending sent = mpi.signal(0, TAG_END);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (!sent.test() && System.nanoTime() - deadline < 0) LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            LockSupport.parkNanos(Math.min(intervalNanos / 4, TimeUnit.MILLISECONDS.toNanos(250)) + TimeUnit.MILLISECONDS.toNanos(100));
        } catch (RuntimeException e) {
            LOG.debug("cannot tell rank 0 that the job ends: {}", e.toString());
        }
    }

    /** The ranks this one watches that have given no sign of life for {@code atLeast}, for messages: {@code rank 2 (75 s)}. */
    String silentFor(Duration atLeast) {
        long now = System.nanoTime();
        List<String> silent = new ArrayList<>();
        for (int peer : peers) {
            long s = now - lastHeard.get(peer);
            if (s >= atLeast.toNanos()) silent.add("rank " + peer + " (" + TimeUnit.NANOSECONDS.toSeconds(s) + " s)");
        }
        return String.join(", ", silent);
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** Stops the thread and waits for it: it is out of MPI when this returns. Safe to call twice. */
    @Override public void close() {
        stopping = true;
        if (thread.isAlive() && thread != Thread.currentThread()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
