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
}
