package org.hybridta.xsection;

import org.hybridta.backend.Availability;
import org.hybridta.backend.BackendOptions;

/**
 * Service-provider interface of a {@link GramEngine}, found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.hybridta.xsection.GramEngineProvider}), as compute backends are: {@code cpu} in
 * hybridta-core, {@code cuda} in hybridta-cuda. Names match the compute backends', so that one {@code --backend}
 * (or {@code hybridta.backend}, {@code HYBRIDTA_BACKEND}) chooses both.
 *
 * <p>Constructors must do nothing expensive, and {@link #availability()} must never throw: a missing native library
 * is an {@link Error}, so implementations catch {@link Throwable} there.
 */
public interface GramEngineProvider {

    /** The name the engine is chosen by, lower case: {@code cpu}, {@code cuda}. */
    String name();

    /** Higher wins when the choice is {@code auto}; the CPU's has 0. */
    int priority();

    /** Whether the engine can run here, and why not (or what it will run on). Never throws. */
    Availability availability();

    /** Opens an engine ({@link BackendOptions#threads()} and {@link BackendOptions#device()} apply); only when available. */
    GramEngine create(BackendOptions options);
}
