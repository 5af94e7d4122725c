package org.hybridta.stream;

import org.hybridta.backend.Availability;

/**
 * Service-provider interface of a {@link UniverseStream} implementation, found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.hybridta.stream.UniverseStreamProvider}) as compute backends are: {@code cpu} in
 * hybridta-core, a GPU one (state resident on the device, one upload and one launch per tick) from hybridta-cuda.
 * Names match the compute backends', so one {@code --backend} (or {@code hybridta.backend},
 * {@code HYBRIDTA_BACKEND}) chooses both.
 *
 * <p>Constructors must do nothing expensive, and {@link #availability()} must never throw (catch {@link Throwable}: a
 * missing native library is an {@link Error}).
 */
public interface UniverseStreamProvider {

    /** The name the implementation is chosen by, lower case: {@code cpu}, {@code cuda}. */
    String name();

    /** Higher wins when the choice is {@code auto}; the CPU's has 0. */
    int priority();

    /** Whether it can run here, and why not. Never throws. */
    Availability availability();

    /**
     * Whether it computes every one of these indicators (a GPU implementation may lack some functions); {@code auto}
     * passes over a provider that does not. The CPU computes the whole catalog.
     */
    default boolean supports(java.util.List<org.hybridta.indicator.Indicator> indicators) { return true; }

    /** Opens a stream; called only when available. */
    UniverseStream open(UniverseSpec spec);
}
