package org.hybridta.cuda;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.hybridta.conformance.BackendConformanceTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The CUDA kernels, run on the CPU by {@code cuda/emu} with the segment plans of an H100, against the core
 * conformance suite: the kernels' arithmetic and the segmented path checked against TA-Lib without a GPU.
 * Runs where g++ 12+ is installed and {@code -Dhybridta.emulate=true} is set (it takes a few minutes).
 */
@EnabledIfSystemProperty(named = "hybridta.emulate", matches = "true",
        disabledReason = "set -Dhybridta.emulate=true to run the kernels on the CPU emulator (needs g++ 12+; takes minutes)")
class EmulatedConformanceTest extends BackendConformanceTest {
    /** Blocks of the segmented kernels an H100 holds at a time (132 multiprocessors x about 17). */
    static final int H100_RESIDENT = 2244;

    private static ComputeBackend emulated;

    @BeforeAll static void open() {
        String why = Emulator.unavailable();
        assumeTrue(why == null, () -> "skipped: " + why);
        emulated = Emulator.backend(Precision.DOUBLE, H100_RESIDENT, 0);
    }

    @Override protected ComputeBackend backend() {
        return emulated;
    }
}
