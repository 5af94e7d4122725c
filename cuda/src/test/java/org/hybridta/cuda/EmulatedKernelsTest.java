package org.hybridta.cuda;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@link SegmentedPathCases} on the CPU emulator of the kernels ({@code cuda/emu}), with an H100's segment plan:
 * 40 series of up to 20,000 bars. Runs where g++ 12+ is installed and {@code -Dhybridta.emulate=true} is set.
 */
@EnabledIfSystemProperty(named = "hybridta.emulate", matches = "true",
        disabledReason = "set -Dhybridta.emulate=true to run the kernels on the CPU emulator (needs g++ 12+; takes minutes)")
class EmulatedKernelsTest extends SegmentedPathCases {
    @BeforeAll static void build() {
        String why = Emulator.unavailable();
        assumeTrue(why == null, () -> "skipped: " + why);
    }

    @Override ComputeBackend backend(Precision precision, int segments) {
        return Emulator.backend(precision, EmulatedConformanceTest.H100_RESIDENT, segments);
    }

    @Override int[] shape() { return new int[] {40, 20_000}; }

    @Override int[] forcedCounts() { return new int[] {3, 97}; }
}
