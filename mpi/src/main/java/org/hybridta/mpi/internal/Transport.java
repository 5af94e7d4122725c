package org.hybridta.mpi.internal;

import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * The few MPI operations HybridTA needs, in plain Java types. Internal, not API: implemented over Open MPI's
 * Java bindings by {@link OpenMpiTransport}. Every failure is an unchecked {@link org.hybridta.mpi.MpiException}
 * that names the rank and the operation. Safe to call from any thread (MPI runs at {@code MPI_THREAD_MULTIPLE}).
 */
public interface Transport {

    /** Which ranks an operation spans: all of them, or those on this rank's host (a shared-memory split). */
    enum Scope { WORLD, NODE }

    /** Reductions offered by {@link #allReduce}. */
    enum Reduction { SUM, MIN, MAX }

    int rank(Scope scope);

    int size(Scope scope);

    /** {@code MPI_Get_processor_name}: the host this rank runs on. */
    String host();

    /** The MPI library's own description, e.g. {@code Open MPI v4.1.4, package: Debian OpenMPI, …}. */
    String library();

    /** The thread level MPI provided, e.g. {@code MPI_THREAD_MULTIPLE}. */
    String threadLevel();

    void barrier(Scope scope);

    /**
     * Waits for every rank of {@code COMM_WORLD} to arrive, at most {@code timeout}.
     *
     * @return false when the others did not all arrive in time
     */
    boolean barrier(Duration timeout);

    /** Element-wise reduction of {@code values} over the ranks of {@code scope}; every rank gets the result. */
    long[] allReduce(Scope scope, long[] values, Reduction reduction);

    /** Broadcast over {@code COMM_WORLD}: {@code data} is read at {@code root} only; every rank returns root's bytes. */
    byte[] broadcast(byte[] data, int root);

    /** Blocking send of {@code data} to {@code dest} on {@code COMM_WORLD}, in pieces of at most 64 MiB. */
    void send(byte[] data, int dest, int tag);

    /** Receives what {@link #send} sent from {@code source} with {@code tag}. */
    byte[] receive(int source, int tag);

    /**
     * Waits until a message with {@code tag} has arrived from any rank, without receiving it ({@code MPI_Iprobe}
     * on {@code MPI_ANY_SOURCE}, polled with short sleeps: the waiting thread leaves its core to others).
     *
     * @return the rank it came from
     */
    int probeAny(int tag);

    /**
     * Starts sending the first {@code length} bytes of {@code buffer} (direct) to {@code dest} ({@code MPI_Isend}).
     * The buffer must not change until {@link Pending#await()} returned.
     */
    Pending sendAsync(ByteBuffer buffer, int length, int dest, int tag);

    /** Starts receiving into {@code buffer} (direct, from its start, at most its capacity) from {@code source} ({@code MPI_Irecv}). */
    Pending receiveAsync(ByteBuffer buffer, int source, int tag);

    /**
     * Starts sending an empty message with {@code tag} to {@code dest} ({@code MPI_Isend} of 0 bytes): a sign of
     * life. Never waits, even when {@code dest} is stopped.
     */
    Pending signal(int dest, int tag);

    /**
     * Takes one empty message with {@code tag} that has arrived from any rank ({@code MPI_Iprobe}, then its
     * receive). Never waits.
     *
     * @return the rank it came from, or -1 when none has arrived
     */
    int takeSignal(int tag);

    /** A send or receive under way. */
    interface Pending {
        /** Whether it is complete ({@code MPI_Test}); never waits. */
        boolean test();

        /**
         * Waits until it is complete, polling with short sleeps (Open MPI's blocking calls spin, and would take a
         * core from the ranks still working).
         *
         * @return the bytes received (a receive), or sent
         */
        int await();
    }

    /**
     * Allocates, collectively over this node's ranks, {@code count} zeroed longs in a shared-memory MPI window
     * hosted by the node's local rank 0.
     */
    SharedLongs sharedLongs(int count);

    /** {@code MPI_Abort} on {@code COMM_WORLD}: ends every rank of the job. Does not return. */
    void abort(int code);

    /** Frees the node communicator and calls {@code MPI_Finalize}. */
    void finish();
}
