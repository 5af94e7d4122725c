package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hybridta.conformance.TaLibCLoaded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The branch-free true range ({@link Trange#trueRange}, {@link Trange#trueRanges}) and one-bar moves
 * ({@link Directional#plusDm1}, {@link Directional#minusDm1}) against TA-Lib's compare-and-assign rules where they could
 * part: NaN, infinities, -0.0 and 0.0, ties; then the kernels that use them, and SAR and SAREXT, against TA-Lib C bit
 * for bit on prices with such values (the conformance cases have none), and their steps against their batches.
 */
@ExtendWith(TaLibCLoaded.class)
class TrueRangeAndMovesTest {
    private static final double[] SPECIAL = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            1.0, 2.0, -1.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, 1e-300};

    @Test void trueRangeIsTaLibsMacroOnEveryCombination() {
        for (double high : SPECIAL) {
            for (double low : SPECIAL) {
                for (double prevClose : SPECIAL) {
                    assertThat(Double.doubleToLongBits(Trange.trueRange(high, low, prevClose)))
                            .as("true range of high %s, low %s, previous close %s", high, low, prevClose)
                            .isEqualTo(Double.doubleToLongBits(Trange.trueRangeInOrder(high, low, prevClose)));
                }
            }
        }
    }

    @Test void trueRangesInBlocksAreTheTrueRangeOfEachBar() {
        double[][] in = prices(new Random(3), 2600, 300);
        for (int off : new int[] {0, 5}) {
            int len = in[0].length - off;
            double[] out = new double[in[0].length];
            Trange.trueRanges(in[0], in[1], in[2], off, len, out);
            for (int i = off + 1; i < off + len; i++) {
                assertThat(Double.doubleToLongBits(out[i])).as("bar %d from offset %d", i, off)
                        .isEqualTo(Double.doubleToLongBits(Trange.trueRangeInOrder(in[0][i], in[1][i], in[2][i - 1])));
            }
        }
    }

    @Test void oneBarMovesAreTaLibsRule() {
        for (double diffP : SPECIAL) {
            for (double diffM : SPECIAL) {
                double plus = diffP > 0 && diffP > diffM ? diffP : 0.0, minus = diffM > 0 && diffP < diffM ? diffM : 0.0;
                assertThat(Double.doubleToLongBits(Directional.plusDm1(diffP, diffM))).as("+DM1 of %s, %s", diffP, diffM)
                        .isEqualTo(Double.doubleToLongBits(plus));
                assertThat(Double.doubleToLongBits(Directional.minusDm1(diffP, diffM))).as("-DM1 of %s, %s", diffP, diffM)
                        .isEqualTo(Double.doubleToLongBits(minus));
            }
        }
    }

    @Test void kernelsMatchTaLibBitForBitOnNaNZerosAndTies() {
        List<double[][]> inputs = List.of(prices(new Random(1), 3000, 60), prices(new Random(2), 3000, 0), ties(new Random(4), 3000));
        List<String> failures = new ArrayList<>();
        for (String name : new String[] {"trange", "atr", "plus_dm", "minus_dm", "plus_di", "minus_di", "dx", "adx", "adxr", "ultosc", "sar", "sarext"}) {
            FunctionDef f = Catalog.find(name).orElseThrow();
            for (Args args : Cases.params(f, 11, 3, 30)) {
                for (double[][] hlc : inputs) {
                    double[][] in = f.info().inputFieldCount() == 2 ? new double[][] {hlc[0], hlc[1]} : hlc;
                    double[][] expected = Reference.compute(f, args, in);
                    double[][] batch = StreamTest.batch(f, args, in, new Random(5));
                    double[][] stream = StreamTest.stream(f, args, in);
                    int bar = StreamTest.firstDifference(expected[0], batch[0]);
                    if (bar >= 0) failures.add(name + " " + args + " bar " + bar + ": TA-Lib " + expected[0][bar] + ", batch " + batch[0][bar]);
                    bar = StreamTest.firstDifference(batch[0], stream[0]);
                    if (bar >= 0) failures.add(name + " " + args + " bar " + bar + ": batch " + batch[0][bar] + ", step " + stream[0][bar]);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** A random walk of high, low, close with {@code specials} of {@link #SPECIAL} (and zero bars) put in at random. */
    private static double[][] prices(Random r, int n, int specials) {
        double[] high = new double[n], low = new double[n], close = new double[n];
        double p = 100;
        for (int i = 0; i < n; i++) {
            p *= Math.exp(0.02 * r.nextGaussian());
            double open = p * Math.exp(0.005 * r.nextGaussian());
            close[i] = p;
            high[i] = Math.max(open, p) * (1 + 0.01 * Math.abs(r.nextGaussian()));
            low[i] = Math.min(open, p) * (1 - 0.01 * Math.abs(r.nextGaussian()));
        }
        for (int k = 0; k < specials; k++) {
            int i = r.nextInt(n);
            switch (r.nextInt(4)) {
                case 0 -> high[i] = SPECIAL[r.nextInt(SPECIAL.length)];
                case 1 -> low[i] = SPECIAL[r.nextInt(SPECIAL.length)];
                case 2 -> close[i] = SPECIAL[r.nextInt(SPECIAL.length)];
                default -> {                                   // a bar of zeros, -0.0 high: a true range of -0.0
                    high[i] = -0.0;
                    low[i] = 0.0;
                    close[i] = r.nextBoolean() ? 0.0 : -0.0;
                }
            }
        }
        return new double[][] {high, low, close};
    }

    /** Whole-number prices that repeat: equal moves, equal true-range candidates, zero ranges. */
    private static double[][] ties(Random r, int n) {
        double[] high = new double[n], low = new double[n], close = new double[n];
        double p = 20;
        for (int i = 0; i < n; i++) {
            p = Math.max(3, p + r.nextInt(3) - 1);
            low[i] = p - r.nextInt(2);
            high[i] = p + r.nextInt(2);
            close[i] = low[i] + r.nextInt((int) (high[i] - low[i]) + 1);
        }
        return new double[][] {high, low, close};
    }
}
