package org.hybridta.cpu;

import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.conformance.BackendConformanceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The CPU backend against the conformance suite, with two threads so that panels are split. */
class CpuConformanceTest extends BackendConformanceTest {
    private static ComputeBackend cpu;

    @BeforeAll static void open() {
        cpu = new CpuBackendProvider().create(BackendOptions.builder().threads(2).build());
    }

    @AfterAll static void close() {
        cpu.close();
    }

    @Override protected ComputeBackend backend() {
        return cpu;
    }
}
