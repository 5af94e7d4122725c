package org.hybridta.examples;

import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hybridta.Field;
import org.hybridta.HostPanel;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;

/**
 * A large panel computed again and again, from and into native memory: the buffers come from the backend once
 * ({@code allocateHostBuffer}: on a GPU, page-locked memory the device reads and writes directly), then every
 * {@code computeInto} call reuses them, with no array to allocate and no copy on the host. Without a GPU the CPU
 * backend runs the same code.
 *
 * <pre>java -cp examples/target/hybridta.jar org.hybridta.examples.ComputeIntoBuffers [SERIES [BARS [BACKEND]]]</pre>
 */
public final class ComputeIntoBuffers {
    private ComputeIntoBuffers() {}

    public static void main(String[] args) {
        int series = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int bars = args.length > 1 ? Integer.parseInt(args[1]) : 2_520;
        String backendName = args.length > 2 ? args[2] : "auto";
        List<Indicator> indicators = List.of(Indicators.ema(20), Indicators.rsi(14));
        List<String> columns = Indicators.columns(indicators);
        long bytes = (long) series * bars * Double.BYTES;

        try (ComputeBackend backend = Backends.open(backendName)) {
            DoubleBuffer close = backend.allocateHostBuffer(bytes).asDoubleBuffer();
            List<DoubleBuffer> outputs = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) outputs.add(backend.allocateHostBuffer(bytes).asDoubleBuffer());

            // a random walk per series, written straight into the native input buffer
            SplittableRandom random = new SplittableRandom(42);
            for (int s = 0; s < series; s++) {
                double price = 100;
                for (int t = 0; t < bars; t++) {
                    price *= 1 + 0.01 * random.nextGaussian();
                    close.put(s * bars + t, price);
                }
            }
            HostPanel panel = HostPanel.builder(series, bars).field(Field.CLOSE, close).build();

            System.out.printf(Locale.ROOT, "%d series x %d bars on %s%n", series, bars, backend.description());
            for (int call = 1; call <= 3; call++) {
                long t0 = System.nanoTime();
                backend.computeInto(panel, indicators, outputs);
                System.out.printf(Locale.ROOT, "call %d: %.1f ms%n", call, (System.nanoTime() - t0) / 1e6);
            }
            int last = bars - 1;   // the last bar of series 0 (index s * bars + t)
            for (int c = 0; c < columns.size(); c++) {
                System.out.printf(Locale.ROOT, "series 0, last bar: %s = %.4f%n", columns.get(c), outputs.get(c).get(last));
            }
        }
    }
}
