package org.hybridta.cuda;

import org.hybridta.cuda.driver.CudaProbe;
import org.hybridta.backend.Availability;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.BackendProvider;
import org.hybridta.backend.ComputeBackend;

/**
 * The CUDA backend ({@code cuda}): every catalog indicator on an NVIDIA GPU of compute capability 8.0 or
 * newer, through JCuda's driver API, with a driver for CUDA 13.0 or newer (NVIDIA 580+). Its priority (100)
 * is above the CPU backend's, so {@code auto} picks it wherever it can run.
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

    @Override public ComputeBackend create(BackendOptions options) {
        return CudaBackend.open(options);
    }
}
