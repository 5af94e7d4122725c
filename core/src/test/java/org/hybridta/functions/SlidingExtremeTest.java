package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SlidingExtreme} against TA-Lib's own loop (ta_MAX.c, ta_AROON.c: keep the extreme's index, take a new
 * bar that is at least as extreme, rescan the window when the extreme leaves it), transcribed below, on series
 * the catalog's random walks rarely give: many ties, NaN gaps and runs, windows from 1 to beyond a power of two.
 * The earliest-on-ties form is also checked against TA-Lib C through MAX, MIN, MAXINDEX, MININDEX, MINMAX and
 * MINMAXINDEX.
 */
class SlidingExtremeTest {
    private static final int[] WINDOWS = {1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 31, 64, 100};

    /** TA-Lib's loop over a whole series: {index, value} per bar from {@code window - 1} on. */
    private static double[][] taLib(double[] x, int window, boolean highest, boolean latestOnTies) {
        double[] index = new double[x.length], value = new double[x.length];
        int extremeIdx = -1;
        double extreme = 0.0;
        for (int today = window - 1, trailing = 0; today < x.length; today++, trailing++) {
            double tmp = x[today];
            if (extremeIdx < trailing) {
                extremeIdx = trailing;
                extreme = x[extremeIdx];
                for (int i = extremeIdx + 1; i <= today; i++) {
                    tmp = x[i];
                    boolean takes = highest ? (latestOnTies ? tmp >= extreme : tmp > extreme) : (latestOnTies ? tmp <= extreme : tmp < extreme);
                    if (takes) {
                        extremeIdx = i;
                        extreme = tmp;
                    }
                }
            } else if (highest ? tmp >= extreme : tmp <= extreme) {
                extremeIdx = today;
                extreme = tmp;
            }
            index[today] = extremeIdx;
            value[today] = extreme;
        }
        return new double[][] {index, value};
    }

    /** Few distinct values (ties everywhere), NaN alone or in runs, a monotone stretch (a rescan every bar). */
    static double[] adversarial(long seed, int n) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(40);
            if (kind == 0) {
                int run = 1 + r.nextInt(12);
                for (int j = 0; j < run && i < n; j++) x[i++] = Double.NaN;
                i--;
            } else if (kind == 1) {
                x[i] = Double.NaN;
            } else {
                x[i] = r.nextInt(5) - (i > n / 2 && i < n / 2 + 300 ? i : 0);
            }
        }
        return x;
    }

    @Test void equalsTaLibsLoopOnTiesAndGaps() {
        for (long seed = 1; seed <= 6; seed++) {
            double[] x = adversarial(seed, 2000);
            for (int window : WINDOWS) {
                for (boolean highest : new boolean[] {true, false}) {
                    for (boolean latest : new boolean[] {true, false}) {
                        double[][] expected = taLib(x, window, highest, latest);
                        SlidingExtreme e = tracker(window, highest, latest);
                        for (int t = 0; t < x.length; t++) {
                            e.add(x[t]);
                            if (t < window - 1) continue;
                            String what = String.format("seed %d window %d highest %s latest %s bar %d", seed, window, highest, latest, t);
                            assertThat(e.index()).as(what).isEqualTo((int) expected[0][t]);
                            assertThat(Double.doubleToLongBits(e.value())).as(what).isEqualTo(Double.doubleToLongBits(expected[1][t]));
                        }
                    }
                }
            }
        }
    }

    private static SlidingExtreme tracker(int window, boolean highest, boolean latest) {
        return highest ? (latest ? SlidingExtreme.highestLatest(window) : SlidingExtreme.highest(window))
                : (latest ? SlidingExtreme.lowestLatest(window) : SlidingExtreme.lowest(window));
    }

    @Test void maxMinAndTheirIndexesEqualTaLibCOnTiesAndGaps() {
        for (String name : new String[] {"max", "min", "maxindex", "minindex", "minmax", "minmaxindex"}) {
            FunctionDef f = Catalog.find(name).orElseThrow();
            for (int window : WINDOWS) {
                if (window < 2) continue;
                Args args = Args.of(window);
                Cases.Input input = new Cases.Input("ties and gaps", new double[][] {adversarial(window, 3000)});
                java.util.List<String> failures = new java.util.ArrayList<>();
                CatalogConformanceTest.compare(f, args, input, failures);
                assertThat(failures).as(name + " window " + window).isEmpty();
            }
        }
    }
}
