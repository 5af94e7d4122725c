package org.hybridta.cuda;

import org.hybridta.backend.BackendOptions;
import org.hybridta.sweep.SweepEngine;
import org.hybridta.sweep.SweepEngineProvider;

/** The sweep engine of the {@code cuda} backend: sweeps and screens on the GPU, reductions on the device ({@link CudaSweepEngine}). */
public final class CudaSweepEngineProvider implements SweepEngineProvider {
    @Override public String name() { return CudaBackendProvider.NAME; }

    @Override public SweepEngine create(BackendOptions options) {
        return CudaSweepEngine.open(options);
    }
}
