package org.hybridta.sweep;

import org.hybridta.backend.BackendOptions;

/**
 * Service-provider interface of a {@link SweepEngine}, found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.hybridta.sweep.SweepEngineProvider}). An engine belongs to the compute backend of the
 * same {@link #name()}: {@link Sweeps#open} chooses the backend by the backends' rule and then its engine. Constructors
 * must do nothing expensive.
 */
public interface SweepEngineProvider {

    /** The name of the compute backend this engine belongs to: {@code cpu}, {@code cuda}. */
    String name();

    /** Opens an engine ({@link BackendOptions#threads()} and {@link BackendOptions#device()} apply). */
    SweepEngine create(BackendOptions options);
}
