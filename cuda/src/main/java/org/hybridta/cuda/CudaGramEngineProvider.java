package org.hybridta.cuda;

import org.hybridta.cuda.driver.CudaProbe;
import org.hybridta.backend.Availability;
import org.hybridta.backend.BackendOptions;
import org.hybridta.xsection.GramEngine;
import org.hybridta.xsection.GramEngineProvider;

/**
 * The cross-sectional engine on an NVIDIA GPU ({@code cuda}, priority 100): cuBLAS DSYRK and DGEMM on the CUDA
 * backend's primary context and device memory, through whichever cuBLAS binding loads ({@link CublasBindings}: JCublas
 * for CUDA 12, JavaCPP's presets for CUDA 13). Available where the CUDA backend is and a binding loads; otherwise
 * {@link #availability()} says which is missing. Honours {@link BackendOptions#device()}.
 */
public final class CudaGramEngineProvider implements GramEngineProvider {
    @Override public String name() { return CudaBackendProvider.NAME; }

    @Override public int priority() { return 100; }

    /** The driver and device first (as the CUDA backend), then the cuBLAS bindings; never throws. */
    @Override public Availability availability() {
        try {
            Availability gpu = CudaProbe.availability();
            if (!gpu.available()) return gpu;
            CublasBindings.Choice c = CublasBindings.choice();
            if (c.binding() == null) return Availability.no(c.describe());
            return Availability.yes(gpu.reason() + "; " + c.describe());
        } catch (Throwable t) {
            return Availability.no("cuBLAS not usable: " + t);
        }
    }

    @Override public GramEngine create(BackendOptions options) {
        return CudaGramEngine.open(options.device());
    }
}
