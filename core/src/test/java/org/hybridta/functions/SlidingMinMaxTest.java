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

    /** TA-Lib's AROON loop ({@code ta_AROON.c}): down, up and the oscillator from bar period on. */
    private static double[][] taLibAroon(double[] high, double[] low, int period) {
        int n = high.length;
        double[][] out = new double[3][n];
        for (double[] o : out) Arrays.fill(o, -7.0);
        int lowestIdx = -1, highestIdx = -1;
        double lowest = 0, highest = 0, factor = 100.0 / period;
        for (int today = period, trailing = 0; today < n; today++, trailing++) {
            double tmp = low[today];
            if (lowestIdx < trailing) {
                lowestIdx = trailing;
                lowest = low[lowestIdx];
                for (int i = lowestIdx + 1; i <= today; i++) {
                    tmp = low[i];
                    if (tmp <= lowest) {
                        lowestIdx = i;
                        lowest = tmp;
                    }
                }
            } else if (tmp <= lowest) {
                lowestIdx = today;
                lowest = tmp;
            }
            tmp = high[today];
            if (highestIdx < trailing) {
                highestIdx = trailing;
                highest = high[highestIdx];
                for (int i = highestIdx + 1; i <= today; i++) {
                    tmp = high[i];
                    if (tmp >= highest) {
                        highestIdx = i;
                        highest = tmp;
                    }
                }
            } else if (tmp >= highest) {
                highestIdx = today;
                highest = tmp;
            }
            out[0][today] = factor * (period - (today - lowestIdx));
            out[1][today] = factor * (period - (today - highestIdx));
            out[2][today] = factor * (highestIdx - lowestIdx);
        }
        return out;
    }

    /** AROON's bars since the extremes: TA-Lib's bits on walks with ties across chunks; refused on NaN, TA-Lib's bits after. */
    @Test void aroonAsTaLibOnWalksAndRefusedOnNaN() {
        Random r = new Random(23);
        double[] palette = {1, 2, 2, 3, 0.0, -0.0, Double.NaN, -1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        int refused = 0;
        for (int trial = 0; trial < 300; trial++) {
            int n = 2 + r.nextInt(trial % 4 == 0 ? 7000 : 500), period = 2 + r.nextInt(trial % 3 == 0 ? 300 : 20);
            if (period >= n) continue;
            double[] h = new double[n], l = new double[n];
            boolean walk = trial % 2 == 0;
            double p = 50;
            for (int i = 0; i < n; i++) {
                if (walk) {
                    p += (r.nextInt(5) - 2) * 0.25;                  // a grid: ties everywhere
                    h[i] = p + r.nextInt(3) * 0.25;
                    l[i] = p - r.nextInt(3) * 0.25;
                } else {
                    h[i] = palette[r.nextInt(trial % 3 == 1 ? palette.length : 6)];
                    l[i] = palette[r.nextInt(trial % 3 == 1 ? palette.length : 6)];
                }
            }
            double[][] expected = taLibAroon(h, l, period);
            double[] down = new double[n], up = new double[n], osc = new double[n];
            Arrays.fill(down, -7.0);
            Arrays.fill(up, -7.0);
            Arrays.fill(osc, -7.0);
            boolean fast = SlidingMinMax.aroon(h, l, 0, period, n, down, up, null)
                    & SlidingMinMax.aroon(h, l, 0, period, n, null, null, osc);
            if (!fast) {
                if (period + 1 > SlidingMinMax.MAX_WINDOW) continue;
                refused++;
                assertThat(walk).as("trial %d: a walk without NaN is taken", trial).isFalse();
                continue;
            }
            assertThat(period + 1 <= SlidingMinMax.MAX_WINDOW).as("trial %d: window %d taken", trial, period + 1).isTrue();
            String what = "trial " + trial + " period " + period;
            assertSameBits(expected[0], down, what + " down");
            assertSameBits(expected[1], up, what + " up");
            assertSameBits(expected[2], osc, what + " osc");
        }
        assertThat(refused).as("series with NaN are refused").isGreaterThan(20);
    }

    /** The AROON and AROONOSC kernels, fast or refused, give TA-Lib's values. */
    @Test void aroonFunctionsGiveTaLibsValuesEitherWay() {
        Random r = new Random(24);
        double[] palette = {1, 2, 2, 3, 0.0, -0.0, Double.NaN, -1};
        for (int trial = 0; trial < 200; trial++) {
            int n = 3 + r.nextInt(400), period = 2 + r.nextInt(12);
            if (period >= n) continue;
            double[] h = new double[n], l = new double[n];
            for (int i = 0; i < n; i++) {
                h[i] = trial % 2 == 0 ? i % 7 + r.nextInt(3) : palette[r.nextInt(palette.length)];
                l[i] = h[i] - r.nextInt(2);
            }
            double[][] expected = taLibAroon(h, l, period);
            double[][] aroon = new double[2][n], osc = new double[1][n];
            Args args = Args.of(period);
            new Aroon().batch(args, new double[][] {h, l}, 0, n, aroon);
            new AroonOsc().batch(args, new double[][] {h, l}, 0, n, osc);
            for (int t = 0; t < period; t++) assertThat(aroon[0][t]).isNaN();
            double[][] tail = {Arrays.copyOfRange(expected[0], period, n), Arrays.copyOfRange(expected[1], period, n),
                Arrays.copyOfRange(expected[2], period, n)};
            assertSameBits(tail[0], Arrays.copyOfRange(aroon[0], period, n), "trial " + trial + " aroondown");
            assertSameBits(tail[1], Arrays.copyOfRange(aroon[1], period, n), "trial " + trial + " aroonup");
            assertSameBits(tail[2], Arrays.copyOfRange(osc[0], period, n), "trial " + trial + " aroonosc");
        }
    }
}
