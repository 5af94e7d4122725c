package org.hybridta.stream;

import org.hybridta.backend.Availability;

/** The CPU {@link UniverseStream}: every function of the catalog, threads when the universe is large. Priority 0. */
public final class CpuUniverseStreamProvider implements UniverseStreamProvider {
    @Override public String name() { return "cpu"; }

    @Override public int priority() { return 0; }

    @Override public Availability availability() {
        return Availability.yes(Runtime.getRuntime().availableProcessors() + " processors");
    }

    @Override public UniverseStream open(UniverseSpec spec) {
        return new CpuUniverseStream(spec);
    }
}
