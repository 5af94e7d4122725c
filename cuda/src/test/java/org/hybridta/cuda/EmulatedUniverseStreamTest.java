package org.hybridta.cuda;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.hybridta.stream.UniverseStreamConformanceTest;
import org.junit.jupiter.api.BeforeAll;

/**
 * The GPU universe stream — {@link CudaUniverseStream} with stream.cu's kernels compiled for the CPU
 * ({@link EmulatedStreamDevice}) — against the universe-stream conformance suite: the batch values bit for bit.
 * Runs without a GPU (needs g++); {@link CudaUniverseStreamGpuTest} runs the same suite on the device.
 */
class EmulatedUniverseStreamTest extends UniverseStreamConformanceTest {
    @BeforeAll static void needEmulator() {
        String why = EmulatedStreamDevice.unavailable();
        assumeTrue(why == null, () -> "skipped: " + why);
    }

    @Override protected String backend() { return "cuda-emulated"; }
}
