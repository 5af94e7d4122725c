package org.hybridta.cuda;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.hybridta.stream.UniverseStreamConformanceTest;
import org.junit.jupiter.api.BeforeAll;

/** The CUDA universe stream against the universe-stream conformance suite (the batch values bit for bit); skipped without a GPU. */
class CudaUniverseStreamGpuTest extends UniverseStreamConformanceTest {
    @BeforeAll static void needGpu() {
        assumeTrue(Gpu.available(), () -> "skipped, no usable GPU: " + Gpu.whyNot());
    }

    @Override protected String backend() { return "cuda"; }
}
