package org.hybridta.xsection;

/**
 * Where the heavy part of a cross-sectional analysis runs: products {@code A[from, to)ᵀ · B[from, to)} of day-major
 * operands (row {@code t} holds day {@code t} of every symbol), the Gram matrices from which correlations,
 * covariances and their pairwise-complete versions follow. {@link CrossSection} prepares the operands (centred
 * returns, masks of the days present, their squares) and turns the products into the measures; an engine only
 * multiplies. Found through {@link GramEngineProvider}; the CPU's is in hybridta-core, the GPU's (cuBLAS) in
 * hybridta-cuda.
 *
 * <p>Not for concurrent use. Close it to free its memory and threads; closing twice is safe.
 */
public interface GramEngine extends AutoCloseable {

    /** What computes, for logs and summaries, e.g. {@code cpu (16 threads)} or {@code cuda: NVIDIA H200, cuBLAS 13.0 (JavaCPP)}. */
    String description();

    /**
     * Places operands where the engine computes (a GPU uploads them once, for every product and window that
     * follows).
     *
     * @param days     rows of each operand
     * @param columns  columns of each operand: the symbols
     * @param matrices each {@code days × columns}, day-major ({@code m[t * columns + i]}); not changed
     */
    Operands load(int days, int columns, double[]... matrices);

    /**
     * {@code out[i * n + j] = Σ_{t in [from, to)} A[t][i] · B[t][j]} for the operands {@code a} and {@code b} (indices
     * into {@link #load}'s matrices), {@code n} the columns. For {@code a == b} the product is symmetric and only the
     * elements {@code i <= j} are written (the others are unspecified).
     */
    void product(Operands operands, int a, int b, int from, int to, double[] out);

    /** Frees what the engine holds. Safe to call twice. */
    @Override void close();

    /** Operands placed by {@link #load}; close them when done (closing the engine closes them too). */
    interface Operands extends AutoCloseable {
        int days();

        int columns();

        @Override void close();
    }
}
