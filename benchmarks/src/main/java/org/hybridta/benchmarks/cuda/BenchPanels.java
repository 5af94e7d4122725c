package org.hybridta.benchmarks.cuda;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.hybridta.Field;
import org.hybridta.Panel;

/** Seeded random-walk OHLCV panels for benchmarks (high, low, close, volume), generated in parallel. */
final class BenchPanels {
    private BenchPanels() {}

    /** Parses {@code SERIESxBARS}, e.g. {@code 10000x25000}. */
    static int[] shape(String text) {
        String[] p = text.split("x");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
    }

    static Panel ohlcv(int series, int bars, long seed, boolean closeOnly) {
        int cells = Math.multiplyExact(series, bars);
        double[] h = closeOnly ? null : new double[cells], l = closeOnly ? null : new double[cells];
        double[] c = new double[cells], v = closeOnly ? null : new double[cells];
        IntStream.range(0, series).parallel().forEach(s -> {
            SplittableRandom r = new SplittableRandom(seed * 1_000_003L + s);
            double price = 20 + 200 * r.nextDouble();
            for (int t = 0, i = s * bars; t < bars; t++, i++) {
                price = Math.max(0.5, price * (1 + 0.02 * (r.nextDouble() - 0.5)));
                c[i] = price;
                if (!closeOnly) {
                    h[i] = price * (1 + 0.01 * r.nextDouble());
                    l[i] = price * (1 - 0.01 * r.nextDouble());
                    v[i] = 1000 + 1e6 * r.nextDouble();
                }
            }
        });
        Panel.Builder b = Panel.builder(series, bars).field(Field.CLOSE, c);
        if (!closeOnly) b.field(Field.HIGH, h).field(Field.LOW, l).field(Field.VOLUME, v);
        return b.build();
    }
}
