package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link Log} against the C library's {@code log} bit for bit (glibc's, which TA-Lib C calls), and {@link MathTransform}'s own ACOS, ASIN, COSH, SINH, TANH against {@link StrictMath} (fdlibm): within a few ulp,
 * and the same NaN, infinities, signed zeros and overflow. (TA-Lib C's glibc is matched to 1e-9 relative by the
 * conformance suite; fdlibm and glibc are both within an ulp of the true value.)
 */
class LibmTest {
    private static final double[] SPECIAL = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 0x1p-55, 0x1p-28, -0x1p-28, 0.5 * Math.log(2), 0.5,
        -0.5, 0.55, 1.0, -1.0, 2.0, 22.0, -22.0, 709.0, 709.78, 710.0, 710.4758600739439, 710.475860073944, 711.0, -710.4758600739439};

    /** Log is glibc's x86-64 FMA build; on another C library or CPU the test does not apply. */
    @Test void logEqualsGlibcBitForBit() {
        Function log;
        try {
            NativeLibrary.getInstance("c").getFunction("gnu_get_libc_version");
            log = NativeLibrary.getInstance("m").getFunction("log");
        } catch (UnsatisfiedLinkError e) {
            assumeThat(e).as("skipped: no glibc libm here (" + e.getMessage() + ")").isNull();
            return;
        }
        DoubleUnaryOperator glibc = x -> log.invokeDouble(new Object[] {x});
        double[] special = {0.0, -0.0, Double.NaN, -Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            Double.MIN_NORMAL, Double.MAX_VALUE, -1.0, 1.0, 1 - 0x1p-4, 1 + 0x1.09p-4, 0x1.6p-1, 0x1.6p0, 2.0, Math.E, 100.0};
        for (double x : special) {
            checkLog(glibc, x);
            checkLog(glibc, Math.nextUp(x));
            checkLog(glibc, Math.nextDown(x));
        }
        Random r = new Random(13);
        for (int i = 0; i < 100_000; i++) {
            checkLog(glibc, Math.exp(r.nextGaussian() * 300));                  // every binade
            checkLog(glibc, 1 + (r.nextDouble() - 0.5) * 0.2);                  // around the near-1 interval
            checkLog(glibc, r.nextDouble() * 1000);                             // prices
            checkLog(glibc, Double.longBitsToDouble(r.nextLong()));             // any bits: negative, NaN, subnormal
        }
    }

    /** Log.log10 is glibc's log10 (fdlibm's reduction around glibc's log) on the same terms as {@link #logEqualsGlibcBitForBit}. */
    @Test void log10EqualsGlibcBitForBit() {
        Function log10;
        try {
            NativeLibrary.getInstance("c").getFunction("gnu_get_libc_version");
            log10 = NativeLibrary.getInstance("m").getFunction("log10");
        } catch (UnsatisfiedLinkError e) {
            assumeThat(e).as("skipped: no glibc libm here (" + e.getMessage() + ")").isNull();
            return;
        }
        DoubleUnaryOperator glibc = x -> log10.invokeDouble(new Object[] {x});
        java.util.List<Double> special = new java.util.ArrayList<>(java.util.List.of(0.0, -0.0, Double.NaN, -Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -1.0,
                1.0, 0.5, 2.0, Math.E, 0x1p-1074, 0x1p-1030, 0x1.fffffffffffffp-1023));
        for (int p = -300; p <= 300; p++) special.add(Double.parseDouble("1e" + p));   // powers of ten: p itself where exact
        for (double x : special) {
            checkLog10(glibc, x);
            checkLog10(glibc, Math.nextUp(x));
            checkLog10(glibc, Math.nextDown(x));
        }
        Random r = new Random(17);
        for (int i = 0; i < 100_000; i++) {
            checkLog10(glibc, Math.exp(r.nextGaussian() * 300));
            checkLog10(glibc, 1 + (r.nextDouble() - 0.5) * 0.2);
            checkLog10(glibc, r.nextDouble() * 1000);
            checkLog10(glibc, Double.longBitsToDouble(r.nextLong()));
        }
        assertThat(Log.log10(1000.0)).isEqualTo(3.0);
    }

    private static void checkLog10(DoubleUnaryOperator glibc, double x) {
        assertThat(Double.doubleToRawLongBits(Log.log10(x))).as("log10(%s) = %s, glibc %s", x, Log.log10(x), glibc.applyAsDouble(x))
                .isEqualTo(Double.doubleToRawLongBits(glibc.applyAsDouble(x)));
    }

    private static void checkLog(DoubleUnaryOperator glibc, double x) {
        assertThat(Double.doubleToRawLongBits(Log.log(x))).as("log(%s) = %s, glibc %s", x, Log.log(x), glibc.applyAsDouble(x))
                .isEqualTo(Double.doubleToRawLongBits(glibc.applyAsDouble(x)));
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
