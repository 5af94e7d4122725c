package org.hybridta.benchmarks.cuda;

import java.util.List;
import java.util.Locale;
import org.hybridta.Panel;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.Indicators;

/**
 * Where the time of an end-to-end call goes: runs EMA(20) over a close-only panel a few times per
 * precision and prints the wall time of each call; with
 * {@code -Dorg.slf4j.simpleLogger.log.org.hybridta.cuda=debug} the backend logs its phases too.
 *
 * <pre>java -cp ... org.hybridta.benchmarks.cuda.CudaProfile [SERIESxBARS] [CALLS]</pre>
 */
public final class CudaProfile {
    private CudaProfile() {}

    public static void main(String[] args) {
        int[] s = BenchPanels.shape(args.length > 0 ? args[0] : "10000x25000");
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Panel panel = BenchPanels.ohlcv(s[0], s[1], 42, true);
        for (Precision precision : Precision.values()) {
            try (ComputeBackend cuda = Backends.open("cuda", BackendOptions.builder().precision(precision).build())) {
                for (int i = 0; i < calls; i++) {
                    long t0 = System.nanoTime();
                    cuda.compute(panel, List.of(Indicators.ema(20)));
                    System.out.printf(Locale.ROOT, "%s %dx%d ema:20 call %d: %.1f ms%n", precision, s[0], s[1], i, (System.nanoTime() - t0) / 1e6);
                }
            }
        }
    }
}
