package org.hybridta.sweep;

import org.hybridta.backend.BackendOptions;

/** The CPU's sweep engine, for the {@code cpu} backend (and any backend without an engine of its own). */
public final class CpuSweepEngineProvider implements SweepEngineProvider {
    static final String NAME = "cpu";

    @Override public String name() { return NAME; }

    @Override public SweepEngine create(BackendOptions options) {
        return new CpuSweepEngine(options.effectiveThreads());
    }
}
