package org.hybridta.conformance;

import java.util.List;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;

/**
 * The 18 indicators HybridTA began with, at TA-Lib's default parameters (4 inputs, open not read; 23 output columns):
 * the fixed workload of the panel, pipeline and GPU benchmarks, so that their results stay comparable while the catalog
 * grows (the per-function benchmark, {@code cpu.FunctionBenchmarks}, walks the whole catalog), and of the CUDA tests
 * whose chunk and batch counts must not move as the catalog grows.
 */
public final class FirstIndicators {
    private FirstIndicators() {}

    /** The names, comma-separated, in their original order. */
    public static final String NAMES = "sma,ema,wma,dema,tema,rsi,macd,bbands,atr,trange,stoch,adx,cci,willr,roc,mom,obv,mfi";

    /** The 18 specs. */
    public static List<Indicator> all() {
        return Indicators.parseList(NAMES);
    }

    /** Those of the 18 that {@code backend} computes. */
    public static List<Indicator> supportedBy(ComputeBackend backend) {
        return all().stream().filter(backend::supports).toList();
    }
}
