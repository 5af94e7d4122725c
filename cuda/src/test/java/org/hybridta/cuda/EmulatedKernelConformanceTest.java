package org.hybridta.cuda;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@link KernelConformanceCases} on the CPU emulator of the kernels ({@code cuda/emu}, g++), with an H100's segment
 * plans: every kernel, hand-tuned and framework, against the CPU backend without a GPU. Runs where g++ 12+ is
 * installed and {@code -Dhybridta.emulate=true} is set (about a minute).
 */
@EnabledIfSystemProperty(named = "hybridta.emulate", matches = "true",
        disabledReason = "set -Dhybridta.emulate=true to run the kernels on the CPU emulator (needs g++ 12+; takes minutes)")
class EmulatedKernelConformanceTest extends KernelConformanceCases {
    @BeforeAll static void build() {
        String why = Emulator.unavailable();
        assumeTrue(why == null, () -> "skipped: " + why);
    }

    @Override ComputeBackend backend(Precision precision) {
        return Emulator.backend(precision, EmulatedConformanceTest.H100_RESIDENT, 0);
    }
}
