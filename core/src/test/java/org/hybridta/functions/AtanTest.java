package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AtanTest {

    @Test void equalsStrictMathBitForBit() {
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 0x1p-29, 0x1p-30, 0.4375, 11.0 / 16, 19.0 / 16, 2.4375, 0x1p66,
            -0x1p66, 1.0, -1.0, 0.5, 1.5};
        for (double x : special) check(x);
        for (double x : special) {
            check(Math.nextUp(x));
            check(Math.nextDown(x));
        }
        Random r = new Random(5);
        for (int i = 0; i < 2_000_000; i++) {
            check(r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20));
            check(Double.longBitsToDouble(r.nextLong()));
        }
    }

    private static void check(double x) {
        assertThat(Double.doubleToRawLongBits(Atan.atan(x))).as("atan(%s)", x).isEqualTo(Double.doubleToRawLongBits(StrictMath.atan(x)));
    }
}
