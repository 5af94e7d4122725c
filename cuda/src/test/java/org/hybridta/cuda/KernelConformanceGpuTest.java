package org.hybridta.cuda;

import java.util.EnumMap;
import java.util.Map;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.junit.jupiter.api.AfterAll;

/** {@link KernelConformanceCases} on the GPU: every catalog function the CUDA backend supports, double and float, against the CPU. */
@RequiresGpu
class KernelConformanceGpuTest extends KernelConformanceCases {
    private static final Map<Precision, ComputeBackend> OPEN = new EnumMap<>(Precision.class);

    @Override ComputeBackend backend(Precision precision) {
        return OPEN.computeIfAbsent(precision, p -> Backends.open("cuda", BackendOptions.builder().precision(p).build()));
    }

    @AfterAll static void closeGpu() {
        OPEN.values().forEach(ComputeBackend::close);
        OPEN.clear();
    }
}
