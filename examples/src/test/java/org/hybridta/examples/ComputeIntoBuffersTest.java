package org.hybridta.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hybridta.Field;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.Test;

class ComputeIntoBuffersTest {
    @Test
    void printsTheValuesTheCpuBackendComputesForTheSameWalk() {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            ComputeIntoBuffers.main(new String[] {"20", "300", "cpu"});
        } finally {
            System.setOut(saved);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("20 series x 300 bars on cpu (");
        assertThat(out.lines().filter(l -> l.matches("call [123]: [\\d.]+ ms"))).hasSize(3);

        // the example's walk, series 0, computed the ordinary way
        SplittableRandom random = new SplittableRandom(42);
        double[] close = new double[300];
        double price = 100;
        for (int t = 0; t < 300; t++) {
            price *= 1 + 0.01 * random.nextGaussian();
            close[t] = price;
        }
        try (ComputeBackend cpu = Backends.open("cpu")) {
            IndicatorValues v = cpu.compute(Panel.builder(1, 300).field(Field.CLOSE, close).build(), List.of(Indicators.ema(20), Indicators.rsi(14)));
            assertThat(out).contains(String.format(Locale.ROOT, "series 0, last bar: ema_20 = %.4f", v.get("ema_20", 0, 299)),
                    String.format(Locale.ROOT, "series 0, last bar: rsi_14 = %.4f", v.get("rsi_14", 0, 299)));
        }
    }
}
