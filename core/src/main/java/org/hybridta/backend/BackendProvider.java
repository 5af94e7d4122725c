package org.hybridta.backend;

/**
 * Service-provider interface of a compute backend, found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.hybridta.backend.BackendProvider}).
 *
 * <p>Constructors must do nothing expensive, and {@link #availability()} must never throw: a missing
 * native library is an {@link Error}, so implementations catch {@link Throwable} there.
 */
public interface BackendProvider {

    /** The name users select the backend by, lower case, e.g. {@code cuda}. */
    String name();

    /** Higher wins when the choice is {@code auto}; the CPU backend has 0. */
    int priority();

    /** Whether the backend can run on this machine, and why not. Never throws. */
    Availability availability();

    /**
     * How many devices this backend can compute on ({@code 0} for the CPU): pipelines lease one of them per
     * worker (a {@link org.hybridta.parallel.DeviceLease}) and pass its ordinal as {@link BackendOptions#device()}.
     * Called only when available.
     */
    default int deviceCount() { return 0; }

    /**
     * Estimated seconds to compute {@code work} on this backend, its set-up included (for a GPU: the context, the
     * kernels' module, the first launches), or NaN where the backend cannot say. {@code auto} picks the available
     * backend with the lowest estimate, and the highest priority where estimates are missing. Called only when
     * available; must be cheap (no device is touched).
     */
    default double estimateSeconds(Workload work) { return Double.NaN; }

    /** Opens a backend; called only when {@link #availability()} said yes. */
    ComputeBackend create(BackendOptions options);
}
