package org.hybridta.xsection;

import org.hybridta.backend.Availability;
import org.hybridta.backend.BackendOptions;

/** The CPU's {@link GramEngine} ({@code cpu}): always available, priority 0. */
public final class CpuGramEngineProvider implements GramEngineProvider {
    /** The engine's name. */
    public static final String NAME = "cpu";

    @Override public String name() { return NAME; }

    @Override public int priority() { return 0; }

    @Override public Availability availability() {
        return Availability.yes(Runtime.getRuntime().availableProcessors() + " cores");
    }

    @Override public GramEngine create(BackendOptions options) {
        return new CpuGramEngine(options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors());
    }
}
