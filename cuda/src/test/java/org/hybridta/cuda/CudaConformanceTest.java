package org.hybridta.cuda;

import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.conformance.BackendConformanceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The CUDA backend (double precision) against the core conformance suite; skipped without a GPU. */
@RequiresGpu
class CudaConformanceTest extends BackendConformanceTest {
    private static ComputeBackend cuda;

    @BeforeAll static void open() {
        cuda = new CudaBackendProvider().create(BackendOptions.defaults());
    }

    @AfterAll static void close() {
        if (cuda != null) cuda.close();
    }

    @Override protected ComputeBackend backend() {
        return cuda;
    }
}
