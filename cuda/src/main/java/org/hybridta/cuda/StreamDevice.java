package org.hybridta.cuda;

import java.nio.DoubleBuffer;

/**
 * Where a {@link CudaUniverseStream} keeps its state and runs {@code stream.cu}'s kernels: a GPU
 * ({@link CudaStreamDevice}), or the kernels compiled for the CPU (the emulated device of the tests). The layouts are
 * stream.cu's (see its header): the table of specs, the state and rings by symbol innermost, the inputs
 * {@code [(bar * fields + slot) * n + symbol]}, the outputs {@code [column * n + symbol]}. Used by one thread.
 */
interface StreamDevice extends AutoCloseable {

    /**
     * Runs {@code stream_layout} over a table of {@code specs} rows: per spec its state's 64-bit words, ring doubles,
     * inputs and outputs (four ints; -1 for a kind the kernels do not know).
     */
    int[] layout(int[] table, double[] dparams, int specs);

    /**
     * Allocates the state and rings (zeroed: no bar yet), the table, and staging for up to {@code maxBars} bars of
     * input and one bar's outputs.
     */
    void open(int n, int specs, int fields, int closeSlot, int outputs, long stateWords, long ringDoubles, int[] table, double[] dparams, int maxBars);

    /** The inputs of the next {@link #step}, to fill: {@code maxBars * fields * n} doubles (pinned host memory on a GPU). */
    DoubleBuffer input();

    /** The outputs of the last {@link #step} that asked for them: {@code outputs * n} doubles. */
    DoubleBuffer output();

    /**
     * Runs {@code stream_step} over the first {@code bars} bars of {@link #input()}: committing them into the state,
     * or ({@code commit} false, one bar) computing their values on a copy of it; the last bar's values into
     * {@link #output()} if {@code outputs}. Returns when done.
     */
    void step(int bars, boolean commit, boolean outputs);

    /** The state and rings, as bytes (a snapshot): the state's words, then the rings' doubles, native order. */
    byte[] readState();

    /** Sets the state and rings from bytes of {@link #readState()} (of the same layout). */
    void writeState(byte[] bytes);

    /** Frees everything; safe twice. */
    @Override void close();
}
