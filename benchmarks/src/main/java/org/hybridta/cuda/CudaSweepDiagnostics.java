package org.hybridta.cuda;

import org.hybridta.Panel;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.Precision;
import org.hybridta.sweep.Sweep;
import org.hybridta.sweep.SweepEngine;

/**
 * Internal entry point for the benchmarks (not part of HybridTA's API; in the benchmarks module, in this package for its
 * package-private internals): a sweep computed into device memory with
 * nothing downloaded, so that the rate at which the device writes the cube can be set against its copy bandwidth.
 */
public final class CudaSweepDiagnostics implements AutoCloseable {
    private final CudaSweepEngine engine;

    private CudaSweepDiagnostics(CudaSweepEngine engine) {
        this.engine = engine;
    }

    /** Opens the GPU sweep engine on device {@code ordinal} ({@code -1}: the first usable one). */
    public static CudaSweepDiagnostics open(int ordinal) {
        return open(ordinal, CudaSweepEngine.LANES);
    }

    /**
     * The same with {@code lanes} streams for the kernels of a batch instead of the default: more let more of a sweep's
     * small kernels run at once (1 to 128).
     */
    public static CudaSweepDiagnostics open(int ordinal, int lanes) {
        return new CudaSweepDiagnostics(CudaSweepEngine.open(BackendOptions.builder().device(ordinal).build(), lanes));
    }

    /** The engine itself, for cubes and reductions with their downloads. */
    public SweepEngine engine() { return engine; }

    /** Every set of the sweep computed on the device (inputs uploaded, kernels waited for), nothing downloaded. */
    public void computeOnDevice(Panel panel, Sweep sweep, Precision precision) {
        engine.computeOnDevice(panel, sweep, precision);
    }

    /**
     * Uploads the panel (which must fit one chunk of the device memory budget) and returns what computes every set of the
     * sweep on the device and waits: the kernels alone, no upload and no download. Valid until a call of this engine
     * needs larger buffers.
     */
    public Runnable kernelsOnDevice(Panel panel, Sweep sweep, Precision precision) {
        return engine.kernelsOnDevice(panel, sweep, precision);
    }

    @Override public void close() { engine.close(); }
}
