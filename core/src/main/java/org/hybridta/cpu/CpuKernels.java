package org.hybridta.cpu;

import org.hybridta.indicator.Indicator;

/**
 * The CPU kernels: one static method per indicator, plain loops over one series' slice of the panel's
 * series-major arrays. Each writes every cell of its outputs in {@code [off, off + len)}, NaN before the
 * output's lookback, and follows TA-Lib's arithmetic step by step so that results match it.
 */
final class CpuKernels {
    private CpuKernels() {}

    /** Per-thread scratch buffers for intermediate series (EMA of EMA, true ranges, ...), grown on demand. */
    static final class Scratch {
    }

    /**
     * Computes {@code ind} for the series at {@code [off, off + len)} of the input arrays, writing its outputs
     * to {@code out[firstColumn + k][off .. off + len)}.
     */
    static void compute(Indicator ind, CpuBackend.Inputs in, int off, int len, double[][] out, int firstColumn, Scratch scratch) {
        throw new UnsupportedOperationException("cpu kernel for " + ind.spec() + " not written yet");
    }
}
