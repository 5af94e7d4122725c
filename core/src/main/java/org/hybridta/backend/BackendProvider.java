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

    /** Opens a backend; called only when {@link #availability()} said yes. */
    ComputeBackend create(BackendOptions options);
}
