package org.hybridta.mpi.internal;

/**
 * Longs in an MPI window shared by the ranks of one node, read and changed only through MPI's atomic
 * operations ({@code MPI_Compare_and_swap}, {@code MPI_Fetch_and_op}), each completed by a flush before it
 * returns. Internal, not API.
 */
public interface SharedLongs {

    /** Number of longs. */
    int count();

    /** Sets {@code [index]} to {@code update} if it holds {@code expected}; returns what it held. */
    long compareAndSwap(int index, long expected, long update);

    /** Adds {@code delta}; returns the previous value. */
    long getAndAdd(int index, long delta);

    /** Sets {@code value}; returns the previous value. */
    long getAndSet(int index, long value);

    /** Reads atomically. */
    long get(int index);

    /** Frees the window: collective over the node's ranks, which must free their windows in the same order. */
    void free();
}
