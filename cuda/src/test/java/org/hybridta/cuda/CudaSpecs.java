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

    /**
     * The 18 indicators HybridTA began with, at their defaults (benchmarks' FirstIndicators): 4 inputs (open is not
     * read) and 23 output columns, a fixed workload for the tests whose chunk and batch counts must not move as the
     * catalog grows.
     */
    static List<Indicator> originals() {
        return Indicators.parseList("sma,ema,wma,dema,tema,rsi,macd,bbands,atr,trange,stoch,adx,cci,willr,roc,mom,obv,mfi");
    }

    /** {@link BackendConformanceTest#specs()} with a kernel. */
    static List<Indicator> conformance() {
        return withKernel(BackendConformanceTest.specs());
    }

    static List<Indicator> withKernel(List<Indicator> specs) {
        return specs.stream().filter(i -> KernelCall.find(i).isPresent()).toList();
    }
}
