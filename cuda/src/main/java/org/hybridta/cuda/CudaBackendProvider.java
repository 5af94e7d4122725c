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

    /**
     * Nanoseconds per output value in a call of more than {@link #MANY_COLUMNS} columns: 31.5 s of compute for 5,000
     * series x 2,477 bars x 250 columns (every catalog function) on the H100 is 10.2 ns; rounded up. There one group of
     * 32 ten-year series no longer fits a chunk's pinned staging ({@link ChunkPlan#DEFAULT_HOST_SLOT_BYTES}), so every
     * chunk launches all the kernels over 32 series, and the catalog's serial kernels (Hilbert transform, MAVP, the
     * patterns) run one warp each (docs/benchmarks.md, "End to end through run"); the CPU took 14.1 s.
     */
    static final double NANOS_PER_CELL_MANY_COLUMNS = 11;
    /**
     * Columns from which a chunk of ten-year daily series (2,520 bars) holds a single group:
     * {@code 64 MB / (32 series x 2,520 bars x 8 bytes)}. Between the two measured points (25 and 250 columns) the
     * estimate steps here; the series' real length is not in the workload.
     */
    static final int MANY_COLUMNS = (int) (ChunkPlan.DEFAULT_HOST_SLOT_BYTES / (ChunkPlan.GROUP * 2520L * Double.BYTES));

    @Override public double estimateSeconds(Workload work) {
        double perCell = work.columns() > MANY_COLUMNS ? NANOS_PER_CELL_MANY_COLUMNS : NANOS_PER_CELL;
        return SETUP_SECONDS + work.cells() * perCell * 1e-9;
    }

    @Override public ComputeBackend create(BackendOptions options) {
        return CudaBackend.open(options);
    }
}
