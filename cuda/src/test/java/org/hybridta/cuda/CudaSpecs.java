package org.hybridta.cuda;

import java.util.List;
import org.hybridta.conformance.BackendConformanceTest;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;

/** The specs the CUDA tests run: those of the catalog and of the conformance suite that have a kernel. */
final class CudaSpecs {
    private CudaSpecs() {}

    /** {@link Indicators#catalog()}'s specs with a kernel. */
    static List<Indicator> catalog() {
        return withKernel(Indicators.catalog());
    }

    /** {@link BackendConformanceTest#specs()} with a kernel. */
    static List<Indicator> conformance() {
        return withKernel(BackendConformanceTest.specs());
    }

    static List<Indicator> withKernel(List<Indicator> specs) {
        return specs.stream().filter(i -> KernelCall.find(i).isPresent()).toList();
    }
}
