package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link Log} against the C library's {@code log} and {@code log10} bit for bit (glibc's, which TA-Lib C calls), and {@link MathTransform}'s own ACOS, ASIN, COSH, SINH, TANH against {@link StrictMath} (fdlibm): within a few ulp,
 * and the same NaN, infinities, signed zeros and overflow. (TA-Lib C's glibc is matched to 1e-9 relative by the
 * conformance suite; fdlibm and glibc are both within an ulp of the true value.)
 */
class LibmTest {
    private static final double[] SPECIAL = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 0x1p-55, 0x1p-28, -0x1p-28, 0.5 * Math.log(2), 0.5,
        -0.5, 0.55, 1.0, -1.0, 2.0, 22.0, -22.0, 709.0, 709.78, 710.0, 710.4758600739439, 710.475860073944, 711.0, -710.4758600739439};

    /** Log is glibc's x86-64 FMA build; on another C library or CPU the test does not apply. */
    @Test void logEqualsGlibcBitForBit() {
        equalBits("log", Log::log, new double[] {0.0, -0.0, Double.NaN, -Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -1.0, 1.0, 1 - 0x1p-4, 1 + 0x1.09p-4, 0x1.6p-1, 0x1.6p0, 2.0, Math.E, 100.0}, 13);
    }

    /** Log.log10 is glibc's log10 (fdlibm's reduction around glibc's log), on the same terms. */
    @Test void log10EqualsGlibcBitForBit() {
        java.util.List<Double> special = new java.util.ArrayList<>(java.util.List.of(0.0, -0.0, Double.NaN, -Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -1.0,
                1.0, 0.5, 2.0, Math.E, 0x1p-1030, 0x1.fffffffffffffp-1023));
        for (int p = -300; p <= 300; p++) special.add(Double.parseDouble("1e" + p));   // powers of ten: p itself where exact
        equalBits("log10", Log::log10, special.stream().mapToDouble(Double::doubleValue).toArray(), 17);
        assertThat(Log.log10(1000.0)).isEqualTo(3.0);
    }

    /**
     * {@code ours} equals the C library's function {@code name} bit for bit at each special value and its neighbours
     * and at 400,000 random arguments (every binade, near 1, prices, any bits); skipped without glibc's libm.
     */
    private static void equalBits(String name, DoubleUnaryOperator ours, double[] special, long seed) {
        Function f;
        try {
            NativeLibrary.getInstance("c").getFunction("gnu_get_libc_version");
            f = NativeLibrary.getInstance("m").getFunction(name);
        } catch (UnsatisfiedLinkError e) {
            assumeThat(e).as("skipped: no glibc libm here (" + e.getMessage() + ")").isNull();
            return;
        }
        DoubleUnaryOperator glibc = x -> f.invokeDouble(new Object[] {x});
        java.util.function.DoubleConsumer check = x -> assertThat(Double.doubleToRawLongBits(ours.applyAsDouble(x)))
                .as("%s(%s) = %s, glibc %s", name, x, ours.applyAsDouble(x), glibc.applyAsDouble(x))
                .isEqualTo(Double.doubleToRawLongBits(glibc.applyAsDouble(x)));
        for (double x : special) {
            check.accept(x);
            check.accept(Math.nextUp(x));
            check.accept(Math.nextDown(x));
        }
        Random r = new Random(seed);
        for (int i = 0; i < 100_000; i++) {
            check.accept(Math.exp(r.nextGaussian() * 300));                  // every binade
            check.accept(1 + (r.nextDouble() - 0.5) * 0.2);                  // around log's near-1 interval
            check.accept(r.nextDouble() * 1000);                             // prices
            check.accept(Double.longBitsToDouble(r.nextLong()));             // any bits: negative, NaN, subnormal
        }
    }

    @Test void coshWithin4Ulp() { check("cosh", MathTransform::cosh, StrictMath::cosh, 4); }

    @Test void sinhWithin4Ulp() { check("sinh", MathTransform::sinh, StrictMath::sinh, 4); }

    @Test void tanhWithin4Ulp() { check("tanh", MathTransform::tanh, StrictMath::tanh, 4); }

    @Test void asinWithin4Ulp() { check("asin", MathTransform::asin, StrictMath::asin, 4); }

    @Test void acosWithin4Ulp() { check("acos", MathTransform::acos, StrictMath::acos, 4); }

    private static void check(String name, DoubleUnaryOperator ours, DoubleUnaryOperator fdlibm, int ulps) {
        for (double x : SPECIAL) {
            check(name, ours, fdlibm, ulps, x);
            check(name, ours, fdlibm, ulps, Math.nextUp(x));
            check(name, ours, fdlibm, ulps, Math.nextDown(x));
        }
        Random r = new Random(name.hashCode());
        for (int i = 0; i < 500_000; i++) {
            check(name, ours, fdlibm, ulps, r.nextGaussian() * Math.pow(10, r.nextInt(10) - 7));
            check(name, ours, fdlibm, ulps, (r.nextDouble() - 0.5) * 1500);
            check(name, ours, fdlibm, ulps, r.nextDouble() * 2 - 1);
            check(name, ours, fdlibm, ulps, Math.copySign(1 - Math.pow(2, -1 - r.nextInt(52)) * r.nextDouble(), r.nextDouble() - 0.5));
        }
    }

    private static void check(String name, DoubleUnaryOperator ours, DoubleUnaryOperator fdlibm, int ulps, double x) {
        double expected = fdlibm.applyAsDouble(x), actual = ours.applyAsDouble(x);
        if (Double.isNaN(expected)) {
            assertThat(actual).as("%s(%s)", name, x).isNaN();
        } else if (Double.isInfinite(expected) || expected == 0.0) {
            assertThat(Double.doubleToRawLongBits(actual)).as("%s(%s) = %s, fdlibm %s", name, x, actual, expected)
                    .isEqualTo(Double.doubleToRawLongBits(expected));
        } else {
            assertThat(Math.abs(actual - expected)).as("%s(%s) = %s, fdlibm %s", name, x, actual, expected)
                    .isLessThanOrEqualTo(ulps * Math.ulp(expected));
        }
    }
}
