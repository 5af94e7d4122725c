package org.hybridta.backend;

/** Floating-point precision of a backend's results. Inputs and outputs are {@code double} in the API either way. */
public enum Precision {
    /** IEEE double throughout: results equal the CPU backend within 1e-12 relative. The default. */
    DOUBLE,
    /**
     * Single-precision results, for GPU speed where the output dominates the traffic: the CUDA backend
     * computes in double and stores each result rounded once to float (within about 1e-7 relative of the
     * double result; the tests hold it to 1e-5), halving the bytes written and downloaded. Rounding the
     * prices themselves to float first would move oscillators by up to 1e-3 of their range, so inputs stay
     * double. The CPU backend always computes and returns double.
     */
    FLOAT
}
