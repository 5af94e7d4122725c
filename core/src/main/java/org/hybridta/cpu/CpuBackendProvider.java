package org.hybridta.cpu;

import org.hybridta.backend.Availability;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.BackendProvider;
import org.hybridta.backend.ComputeBackend;

/** The CPU backend: plain double loops over the panel, series spread over all cores. Always available. */
public final class CpuBackendProvider implements BackendProvider {
    /** The CPU backend's name. */
    public static final String NAME = "cpu";

    @Override public String name() { return NAME; }

    @Override public int priority() { return 0; }

    @Override public Availability availability() {
        return Availability.yes(Runtime.getRuntime().availableProcessors() + " processors");
    }

    @Override public ComputeBackend create(BackendOptions options) {
        return new CpuBackend(options.effectiveThreads());
    }
}
