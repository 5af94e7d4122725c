package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The branch-free comparisons of {@link Candles} against Java's comparison they stand for, on the awkward values. */
class CandlesTest {
    private static final double[] EDGES = {
        0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 0.1, 1.0, -1.0, 2.5, -2.5,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
        Double.longBitsToDouble(0xfff8000000000000L), Double.longBitsToDouble(0x7ff0000000000001L),
        Double.longBitsToDouble(0xffffffffffffffffL),
    };

    @Test void absAtMostIsAbsLessOrEqualAsAMask() {
        List<String> wrong = new ArrayList<>();
        for (double d : EDGES) {
            for (double x : EDGES) check(d, x, wrong);
            check(d, Math.abs(d), wrong);                      // equal, and its neighbours
            check(d, Math.nextUp(Math.abs(d)), wrong);
            check(d, Math.nextDown(Math.abs(d)), wrong);
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int k = 0; k < 1_000_000; k++) {
            double d = Double.longBitsToDouble(random.nextLong());
            double x = switch (k % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> Math.abs(d);
                case 2 -> Math.nextUp(Math.abs(d));
                default -> Math.nextDown(Math.abs(d));
            };
            check(d, x, wrong);
        }
        assertThat(wrong).isEmpty();
    }

    @Test void blackIsColourMinusOneAsAMask() {
        List<String> wrong = new ArrayList<>();
        int n = EDGES.length * EDGES.length;
        double[] open = new double[n], close = new double[n];
        for (int k = 0; k < n; k++) {
            close[k] = EDGES[k / EDGES.length];
            open[k] = EDGES[k % EDGES.length];
        }
        Candles c = new Candles(open, open, close, close);
        for (int k = 0; k < n; k++) {
            int expected = c.color(k) == -1 ? -1 : 0;
            if (c.black(k) != expected) wrong.add("black(close " + close[k] + ", open " + open[k] + ") != " + expected);
        }
        assertThat(wrong).isEmpty();
    }

    @Test void belowIsLessThanAsAMask() {
        List<String> wrong = new ArrayList<>();
        for (double a : EDGES) {
            for (double b : EDGES) {
                int expected = a < b ? -1 : 0;
                if (Candles.below(a, b) != expected) wrong.add("below(" + a + ", " + b + ") != " + expected);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test void atMostIsLessOrEqualAsAMask() {
        List<String> wrong = new ArrayList<>();
        for (double a : EDGES) {
            for (double b : EDGES) {
                int expected = a <= b ? -1 : 0;
                if (Candles.atMost(a, b) != expected) wrong.add("atMost(" + a + ", " + b + ") != " + expected);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test void minAndMaxAreTaLibsMacrosUpToTheSignOfAZero() {
        List<String> wrong = new ArrayList<>();
        for (double a : EDGES) {
            for (double b : EDGES) {
                if (!same(Candles.min(a, b), a < b ? a : b)) wrong.add("min(" + a + ", " + b + ") = " + Candles.min(a, b));
                if (!same(Candles.max(a, b), a > b ? a : b)) wrong.add("max(" + a + ", " + b + ") = " + Candles.max(a, b));
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Equal values (+0.0 and -0.0 alike), or both NaN. */
    private static boolean same(double x, double y) {
        return x == y || x != x && y != y;
    }

    private static void check(double d, double x, List<String> wrong) {
        int expected = Math.abs(d) <= x ? -1 : 0;
        if (Candles.absAtMost(d, x) != expected) wrong.add("absAtMost(" + d + ", " + x + ") != " + expected);
    }
}
