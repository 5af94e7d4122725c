package org.hybridta.cpu;

import org.hybridta.backend.Availability;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.BackendProvider;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Workload;

/** The CPU backend: plain double loops over the panel, series spread over all cores. Always available. */
public final class CpuBackendProvider implements BackendProvider {
    /** The CPU backend's name. */
    public static final String NAME = "cpu";

    @Override public String name() { return NAME; }

    @Override public int priority() { return 0; }

    @Override public Availability availability() {
        return Availability.yes(Runtime.getRuntime().availableProcessors() + " processors");
    }

    /**
     * Nanoseconds per output value on one thread, the 18 original indicators' mix: 846 ms for 10,000 series x 2,520
     * bars x 25 columns on the GPU machine's 16 cores (docs/benchmarks.md, CPU vs CUDA) is 21.5 ns; rounded up.
     */
    static final double NANOS_PER_CELL_THREAD = 25;

    /** No set-up: the work spread over the worker's threads. */
    @Override public double estimateSeconds(Workload work) {
        return work.cells() * NANOS_PER_CELL_THREAD / work.threads() * 1e-9;
    }

    @Override public ComputeBackend create(BackendOptions options) {
        return new CpuBackend(options.effectiveThreads());
    }
}
