package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SlidingExtreme} against TA-Lib's own tracking, written out as in {@code ta_MAX.c} / {@code ta_AROON.c}
 * (keep the index, take a new bar at least as extreme, rescan when it leaves the window), on series full of ties,
 * signed zeros and NaNs, where a monotonic queue and a rescan could disagree.
 */
class SlidingExtremeTest {

    /** TA-Lib's loop: index and value at each bar from window - 1 on; {@code latest}: AROON's {@code >=} rescan. */
    private static double[][] taLib(double[] x, int window, boolean highest, boolean latest) {
        int n = x.length;
        double[][] out = new double[2][n];
        int idx = -1;
        double ext = 0;
        for (int today = window - 1, trailing = 0; today < n; today++, trailing++) {
            double tmp = x[today];
            if (idx < trailing) {
                idx = trailing;
                ext = x[idx];
                for (int i = idx + 1; i <= today; i++) {
                    tmp = x[i];
                    boolean take = highest ? (latest ? tmp >= ext : tmp > ext) : (latest ? tmp <= ext : tmp < ext);
                    if (take) {
                        idx = i;
                        ext = tmp;
                    }
                }
            } else if (highest ? tmp >= ext : tmp <= ext) {
                idx = today;
                ext = tmp;
            }
            out[0][today] = idx;
            out[1][today] = ext;
        }
        return out;
    }

    @Test void sameIndexAndBitsAsTaLibOnTiesZerosAndNaNs() {
        Random r = new Random(11);
        double[] palette = {1, 2, 2, 3, 0.0, -0.0, Double.NaN, -1};
        for (int trial = 0; trial < 300; trial++) {
            double[] x = new double[200];
            for (int i = 0; i < x.length; i++) x[i] = palette[r.nextInt(trial % 2 == 0 ? 6 : palette.length)];
            int window = 1 + r.nextInt(12);
            for (boolean highest : new boolean[] {true, false}) {
                for (boolean latest : new boolean[] {false, true}) {
                    SlidingExtreme s = highest ? (latest ? SlidingExtreme.highestLatest(window) : SlidingExtreme.highest(window))
                            : (latest ? SlidingExtreme.lowestLatest(window) : SlidingExtreme.lowest(window));
                    double[][] expected = taLib(x, window, highest, latest);
                    for (int t = 0; t < x.length; t++) {
                        s.add(x[t]);
                        if (t < window - 1) continue;
                        String what = "trial " + trial + " window " + window + " highest " + highest + " latest " + latest + " bar " + t;
                        assertThat(s.index()).as(what).isEqualTo((int) expected[0][t]);
                        double v = s.value(), e = expected[1][t];
                        if (Double.isNaN(e)) assertThat(v).as(what).isNaN();
                        else assertThat(Double.doubleToRawLongBits(v)).as(what).isEqualTo(Double.doubleToRawLongBits(e));
                    }
                }
            }
        }
    }

    /** {@link SlidingExtreme.Batch} from an offset, asked in chunks of random sizes: TA-Lib's indexes and bits again. */
    @Test void batchGivesTaLibsIndexesAndBitsInAnyChunks() {
        Random r = new Random(12);
        double[] palette = {1, 2, 2, 3, 0.0, -0.0, Double.NaN, -1, Double.NEGATIVE_INFINITY};
        for (int trial = 0; trial < 600; trial++) {
            int off = r.nextInt(5), n = 1 + r.nextInt(trial % 5 == 0 ? 1200 : 400);
            double[] x = new double[off + n];
            boolean walk = trial % 3 == 0;                   // also long monotone stretches: blocks and folds both used
            for (int i = 0; i < x.length; i++) {
                x[i] = walk ? (i == 0 ? 0 : x[i - 1]) + r.nextInt(5) - 2 : palette[r.nextInt(trial % 2 == 0 ? 6 : palette.length)];
            }
            int window = 1 + r.nextInt(trial % 5 == 0 ? 160 : 12);      // beyond Batch.SCAN_MAX: the blocks
            if (window > n) continue;
            double[] series = java.util.Arrays.copyOfRange(x, off, x.length);
            for (boolean highest : new boolean[] {true, false}) {
                for (boolean latest : new boolean[] {false, true}) {
                    double[][] expected = taLib(series, window, highest, latest);
                    SlidingExtreme.Batch values = batch(x, off, window, highest, latest), indexes = batch(x, off, window, highest, latest);
                    double[] v = new double[x.length], ix = new double[x.length];
                    for (int t = off + window - 1; t < x.length; ) {
                        int m = Math.min(x.length - t, 1 + r.nextInt(50));
                        values.values(t, t + m, v, t);
                        indexes.indexes(t, t + m, ix, t);
                        t += m;
                    }
                    for (int t = window - 1; t < n; t++) {
                        String what = "trial " + trial + " window " + window + " highest " + highest + " latest " + latest + " bar " + t;
                        assertThat(ix[off + t]).as(what).isEqualTo(expected[0][t]);
                        if (Double.isNaN(expected[1][t])) assertThat(v[off + t]).as(what).isNaN();
                        else assertThat(Double.doubleToRawLongBits(v[off + t])).as(what).isEqualTo(Double.doubleToRawLongBits(expected[1][t]));
                    }
                }
            }
        }
    }

    private static SlidingExtreme.Batch batch(double[] x, int off, int window, boolean highest, boolean latest) {
        return highest ? (latest ? SlidingExtreme.batchHighestLatest(x, off, window) : SlidingExtreme.batchHighest(x, off, window))
                : (latest ? SlidingExtreme.batchLowestLatest(x, off, window) : SlidingExtreme.batchLowest(x, off, window));
    }
}
