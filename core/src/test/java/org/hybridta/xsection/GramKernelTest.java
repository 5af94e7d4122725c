package org.hybridta.xsection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The blocked kernel against the plain triple loop, across tile edges (64 rows, 256 columns, 128 days) and odd sizes. */
class GramKernelTest {
    private static final ForkJoinPool POOL = new ForkJoinPool(3);

    @AfterAll static void shutdown() { POOL.shutdown(); }

    @ParameterizedTest(name = "{0} columns, days {1}..{2}")
    @CsvSource({"1,0,1", "3,0,5", "7,2,9", "65,0,130", "257,5,300", "300,0,3", "130,129,130"})
    void equalsThePlainLoop(int n, int from, int to) {
        SplittableRandom r = new SplittableRandom(n * 31L + to);
        int days = to + 3;
        double[] a = new double[days * n], b = new double[days * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
            b[i] = r.nextDouble() < 0.3 ? 0 : 1;
        }
        double[] sym = new double[n * n], gen = new double[n * n];
        java.util.Arrays.fill(sym, 99);   // whatever was there before must not matter
        GramKernel.product(a, a, n, from, to, true, sym, POOL);
        GramKernel.product(a, b, n, from, to, false, gen, POOL);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double aa = 0, ab = 0, scale = 0;
                for (int t = from; t < to; t++) {
                    aa += a[t * n + i] * a[t * n + j];
                    ab += a[t * n + i] * b[t * n + j];
                    scale += Math.abs(a[t * n + i] * a[t * n + j]);
                }
                if (i <= j) assertThat(sym[i * n + j]).as("sym %d,%d", i, j).isCloseTo(aa, org.assertj.core.data.Offset.offset(1e-13 * (1 + scale)));
                assertThat(gen[i * n + j]).as("gen %d,%d", i, j).isCloseTo(ab, org.assertj.core.data.Offset.offset(1e-13 * (1 + scale)));
            }
        }
    }

    @Test void anEmptyRangeGivesZeros() {
        double[] a = {1, 2, 3, 4}, out = {5, 5, 5, 5};
        GramKernel.product(a, a, 2, 1, 1, false, out, POOL);
        assertThat(out).containsOnly(0.0);
    }
}
