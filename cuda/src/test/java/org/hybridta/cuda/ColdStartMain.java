package org.hybridta.cuda;

import java.util.List;
import java.util.Locale;
import org.hybridta.Panel;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;

/**
 * The first CUDA compute of a fresh process, timed: opening the backend (driver, primary context, loading the kernels'
 * fatbin) and the first call (500 series x 2,520 bars, the 18 original indicators), then a second call for contrast.
 * Run it with {@code CUDA_CACHE_DISABLE=1} to see what a node with a cold or read-only JIT cache pays:
 * <pre>
 *   CUDA_CACHE_DISABLE=1 bash .device-cuda/run.sh java org.hybridta.cuda.ColdStartMain
 * </pre>
 * Prints one line {@code cold start: open … ms, first compute … ms, first CUDA compute … ms (open + first compute),
 * second compute … ms}. {@link ColdStartGpuTest} runs it in a fresh JVM and checks the goal (under 0.5 s on an H200).
 */
public final class ColdStartMain {
    private ColdStartMain() {}

    public static void main(String[] args) {
        List<Indicator> specs = Indicators.parseList("sma:20,ema:12,wma:10,dema:10,tema:10,rsi:14,macd:12:26:9,bbands:20:2,atr:14,trange,"
                + "stoch:14:3:sma:3:sma,cci:20,willr:14,roc:10,mom:10,obv,mfi:14");
        Panel panel = RandomPanels.of(42, 500, 2520, false);
        long t0 = System.nanoTime();
        try (ComputeBackend cuda = new CudaBackendProvider().create(BackendOptions.defaults())) {
            long t1 = System.nanoTime();
            cuda.compute(panel, specs);
            long t2 = System.nanoTime();
            cuda.compute(panel, specs);
            long t3 = System.nanoTime();
            System.out.println("device: " + cuda.description());
            System.out.printf(Locale.ROOT, "cold start: open %.1f ms, first compute %.1f ms, first CUDA compute %.1f ms (open + first compute),"
                    + " second compute %.1f ms; CUDA_CACHE_DISABLE=%s%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - t0) / 1e6, (t3 - t2) / 1e6,
                    System.getenv().getOrDefault("CUDA_CACHE_DISABLE", "unset"));
        }
    }
}
