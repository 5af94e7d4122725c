package org.hybridta.cuda;

import org.hybridta.cuda.driver.CudaProbe;
import org.hybridta.backend.Availability;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.BackendProvider;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Workload;

/**
 * The CUDA backend ({@code cuda}): every catalog indicator on an NVIDIA GPU of compute capability 8.0 or
 * newer, through JCuda's driver API, with a driver for CUDA 13.0 or newer (NVIDIA 580+). Its priority (100)
 * is above the CPU backend's; {@code auto} picks it where it can run and its estimate ({@link #estimateSeconds}, set-up
 * included) beats the CPU's.
 *
 * <p>Honours {@link BackendOptions#precision()} (double by default; float stores and moves values as
 * single precision), {@link BackendOptions#device()} and {@link BackendOptions#deviceMemoryBudget()}
 * (default 80% of the free device memory; larger panels are processed in chunks), and
 * {@link BackendOptions#threads()} for the host-side copies.
 */
public final class CudaBackendProvider implements BackendProvider {
    /** The backend's name. */
    public static final String NAME = "cuda";

    @Override public String name() { return NAME; }

    @Override public int priority() { return 100; }

    /** Loads JCuda lazily, here only; never throws (a missing native library is an {@link Error}, caught). */
    @Override public Availability availability() {
        try {
            return CudaProbe.availability();
        } catch (Throwable t) {
            return Availability.no("CUDA driver not usable: " + t);
        }
    }

    @Override public int deviceCount() {
        try {
            return CudaProbe.usableDevices().size();
        } catch (Throwable t) {
            return 0;
        }
    }

    /**
     * Opening the backend in a fresh process (driver, primary context, the fatbin's module) and the first launches: the
     * goal ColdStartGpuTest holds it to on the H200, where the context alone took 0.2-0.3 s.
     */
    static final double SETUP_SECONDS = 0.5;
    /**
     * Nanoseconds per output value, transfers through the Java heap included: 372 ms for 10,000 series x 2,520 bars x
     * 25 columns on the H100/H200 (docs/benchmarks.md, CPU vs CUDA) is 0.59 ns; rounded up.
     */
    static final double NANOS_PER_CELL = 0.65;

    @Override public double estimateSeconds(Workload work) {
        return SETUP_SECONDS + work.cells() * NANOS_PER_CELL * 1e-9;
    }

    @Override public ComputeBackend create(BackendOptions options) {
        return CudaBackend.open(options);
    }
}
