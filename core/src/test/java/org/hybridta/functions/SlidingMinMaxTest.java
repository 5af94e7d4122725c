package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SlidingMinMax} against TA-Lib's tracker ({@link SlidingExtreme.Batch#combine}) bit for bit, on walks with
 * ties, across chunk boundaries; and its refusals (NaN, zero extremes) that send {@link SlidingExtreme#combine} to
 * the tracker, which then gives TA-Lib's bits where the path matters.
 */
class SlidingMinMaxTest {

    private static double[] tracker(double[] h, double[] l, double[] c, SlidingExtreme.Combination how, int from, int window) {
        double[] out = new double[h.length];
        Arrays.fill(out, -7.0);
        SlidingExtreme.Batch.combine(SlidingExtreme.batchHighest(h, from, window), SlidingExtreme.batchLowest(l, from, window), c, how,
                from + window - 1, h.length, out);
        return out;
    }

    private static void assertSameBits(double[] expected, double[] actual, String what) {
        for (int t = 0; t < expected.length; t++) {
            if (Double.isNaN(expected[t])) assertThat(actual[t]).as(what + " bar " + t).isNaN();
            else assertThat(Double.doubleToRawLongBits(actual[t])).as(what + " bar " + t + " (" + actual[t] + " vs " + expected[t] + ")")
                    .isEqualTo(Double.doubleToRawLongBits(expected[t]));
        }
    }

    /** Random walks on a grid of cents (many ties) and continuous ones; windows up to beyond MAX_WINDOW. */
    @Test void sameBitsAsTheTrackerOnCleanWalks() {
        Random r = new Random(21);
        for (int trial = 0; trial < 120; trial++) {
            int from = r.nextInt(4), n = from + 1 + r.nextInt(trial % 4 == 0 ? 9000 : 600);
            int window = 1 + r.nextInt(trial % 3 == 0 ? SlidingMinMax.MAX_WINDOW + 20 : 20);
            if (from + window > n) continue;
            boolean grid = trial % 2 == 0;
            double[] h = new double[n], l = new double[n], c = new double[n];
            double p = 50;
            for (int i = 0; i < n; i++) {
                p = Math.max(1, p + (grid ? (r.nextInt(5) - 2) * 0.01 : r.nextGaussian() * 0.3));
                double up = grid ? r.nextInt(4) * 0.01 : Math.abs(r.nextGaussian()) * 0.2;
                double down = grid ? r.nextInt(4) * 0.01 : Math.abs(r.nextGaussian()) * 0.2;
                h[i] = p + up;
                l[i] = p - down;
                c[i] = trial % 5 == 0 ? h[i] : p;               // also close on the high: a zero range for %K/%R
            }
            for (SlidingExtreme.Combination how : SlidingExtreme.Combination.values()) {
                double[] lo = trial % 3 == 1 ? h : l;      // one series (MIDPOINT's): zero ranges at window 1
                double[] expected = tracker(h, lo, c, how, from, window);
                double[] actual = expected.clone();
                Arrays.fill(actual, from + window - 1, n, -7.0);
                boolean fast = SlidingMinMax.combine(h, lo, c, how, from, window, n, actual);
                assertThat(fast).as("trial %d window %d: clean data take the branch-free path", trial, window)
                        .isEqualTo(window <= SlidingMinMax.MAX_WINDOW);
                if (fast) assertSameBits(expected, actual, "trial " + trial + " " + how + " window " + window);
            }
        }
    }

    /** NaNs, signed zeros and infinities: refused where they reach an extreme, and TA-Lib's bits either way. */
    @Test void nansAndZerosGoToTheTracker() {
        Random r = new Random(22);
        double[] palette = {1, 2, 2, 3, 0.0, -0.0, Double.NaN, -1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.5};
        int refused = 0;
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + r.nextInt(trial % 7 == 0 ? 5000 : 300), window = 1 + r.nextInt(16);
            if (window > n) continue;
            double[] h = new double[n], l = new double[n], c = new double[n];
            int kinds = trial % 3 == 0 ? palette.length : 4 + trial % 4;
            for (int i = 0; i < n; i++) {
                h[i] = palette[r.nextInt(kinds)];
                l[i] = r.nextInt(4) == 0 ? palette[r.nextInt(kinds)] : h[i] - 1;
                c[i] = palette[r.nextInt(kinds)];
            }
            for (SlidingExtreme.Combination how : SlidingExtreme.Combination.values()) {
                double[] expected = tracker(h, l, c, how, 0, window);
                double[] actual = expected.clone();
                Arrays.fill(actual, window - 1, n, -7.0);
                if (!SlidingMinMax.combine(h, l, c, how, 0, window, n, actual.clone())) refused++;
                SlidingExtreme.combine(h, l, c, how, 0, window, n, actual);
                assertSameBits(expected, actual, "trial " + trial + " " + how + " window " + window);
            }
        }
        assertThat(refused).as("series with NaNs and zeros in their extremes are refused").isGreaterThan(100);
    }
}
