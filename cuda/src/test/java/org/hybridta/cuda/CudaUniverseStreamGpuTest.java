package org.hybridta.cuda;

import org.hybridta.stream.UniverseStreamConformanceTest;

/**
 * The CUDA universe stream against the universe-stream conformance suite (the batch values bit for bit, peeks, a
 * restore midway); skipped, with the reason, without a GPU. {@link EmulatedUniverseStreamTest} runs the same suite on
 * the kernels compiled for the CPU.
 */
@RequiresGpu
class CudaUniverseStreamGpuTest extends UniverseStreamConformanceTest {
    @Override protected String backend() { return "cuda"; }
}
