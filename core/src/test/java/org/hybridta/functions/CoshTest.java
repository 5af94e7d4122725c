package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link MathTransform#cosh} against {@link StrictMath#cosh} (fdlibm): within 4 ulp (exp(x / 2) squared near overflow, as fdlibm and glibc compute it), and the same NaN, infinities and overflow. */
class CoshTest {

    @Test void within4UlpOfStrictMath() {
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            Double.MAX_VALUE, -Double.MAX_VALUE, 0x1p-55, 0x1p-28, 0.5 * Math.log(2), 1.0, 22.0, 709.0, 709.78, 710.0,
            710.4758600739439, 710.475860073944, 711.0, -710.4758600739439};
        for (double x : special) {
            check(x);
            check(Math.nextUp(x));
            check(Math.nextDown(x));
        }
        Random r = new Random(6);
        for (int i = 0; i < 1_000_000; i++) {
            check(r.nextGaussian() * Math.pow(10, r.nextInt(8) - 5));
            check((r.nextDouble() - 0.5) * 1500);
        }
    }

    private static void check(double x) {
        double expected = StrictMath.cosh(x), actual = MathTransform.cosh(x);
        if (Double.isNaN(expected)) {
            assertThat(actual).as("cosh(%s)", x).isNaN();
        } else if (Double.isInfinite(expected)) {
            assertThat(actual).as("cosh(%s)", x).isEqualTo(expected);
        } else {
            assertThat(Math.abs(actual - expected)).as("cosh(%s) = %s, fdlibm %s", x, actual, expected).isLessThanOrEqualTo(4 * Math.ulp(expected));
        }
    }
}
