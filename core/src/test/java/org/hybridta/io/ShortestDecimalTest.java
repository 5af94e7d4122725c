package org.hybridta.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ShortestDecimal} against the reference it replaces, jackson-core's Schubfach
 * ({@code NumberOutput.toString(v, true)}, Java 19's Double.toString): the same bytes for every double tried, with
 * both signs. 15 to 40 s on a shared 2-core machine; {@code -Dhybridta.shortestDecimal.scale=10} tries ten times as many.
 */
class ShortestDecimalTest {

    private static final long SCALE = Long.getLong("hybridta.shortestDecimal.scale", 1);
    private final byte[] buffer = new byte[ShortestDecimal.MAX_BYTES + 8];

    /** Checks v and -v; returns normally when both agree with the reference, else fails naming the value. */
    private void check(double v) {
        same(v);
        same(-v);
    }

    private void same(double v) {
        String expected = NumberOutput.toString(v, true);
        int n = ShortestDecimal.writeShortest(buffer, 0, v);
        boolean equal = n == expected.length();
        for (int i = 0; equal && i < n; i++) equal = buffer[i] == expected.charAt(i);
        if (!equal) {
            fail("%s (bits 0x%016x): wrote \"%s\", expected \"%s\"", Double.toString(v), Double.doubleToRawLongBits(v),
                    new String(buffer, 0, n, java.nio.charset.StandardCharsets.US_ASCII), expected);
        }
    }

    @Test
    void randomBitPatternsOfEveryExponentSubnormalsIncluded() {
        SplittableRandom r = new SplittableRandom(20260512);
        long count = 50_000_000L * SCALE;
        for (long i = 0; i < count; i++) {
            long bits = r.nextLong();
            switch ((int) (i & 15)) {
                case 0 -> bits &= 0x800f_ffff_ffff_ffffL;   // subnormal, all its bits
                case 1 -> bits &= 0x8000_0000_0000_0000L | (1L << r.nextInt(1, 53)) - 1;   // subnormal, few digits
                case 2 -> bits &= ~((1L << r.nextInt(1, 53)) - 1);   // few significand bits: short decimals
                case 3 -> bits &= 0xfff0_0000_0000_0000L | r.nextInt(4);   // just above a power of two
                default -> { }   // any bit pattern
            }
            double v = Double.longBitsToDouble(bits);
            if (!Double.isNaN(v)) same(v);
        }
    }

    @Test
    void powersOfTenAndTwoTheirNeighboursAndTheExtremes() {
        for (int e = -325; e <= 309; e++) {
            double p = Double.parseDouble("1e" + e);
            for (int m = 1; m <= 9; m++) around(m * p);
            around(p);
        }
        for (int e = -1074; e <= 1023; e++) {
            double p = Math.scalb(1.0, e);
            around(p);
            around(3 * p);
        }
        for (double v : new double[] {Double.MIN_VALUE, 2 * Double.MIN_VALUE, 3 * Double.MIN_VALUE, Double.MAX_VALUE,
                Double.MIN_NORMAL, Double.MIN_NORMAL - Double.MIN_VALUE, 0.0, 1e23, 9.007199254740992E15, 0.1, 0.2, 0.3,
                1e-3, 1e7, 9999999.999999998, 0.0009999999999999998}) {
            around(v);
        }
        check(0.0);
        check(Double.POSITIVE_INFINITY);
        for (int i = 1; i < 5_000; i++) check(i * Double.MIN_VALUE);   // the smallest subnormals, one by one
    }

    /** v, and its neighbours up to three steps either way. */
    private void around(double v) {
        if (Double.isInfinite(v)) return;
        check(v);
        double up = v, down = v;
        for (int i = 0; i < 3; i++) {
            up = Math.nextUp(up);
            down = Math.nextDown(down);
            check(up);
            if (down > 0) check(down);
        }
    }

    @Test
    void wholeNumbersAroundWhereTheyStopBeingWrittenAsIntegers() {
        SplittableRandom r = new SplittableRandom(3);
        for (double base : new double[] {1e15, 2e15, 4503599627370496d /* 2^52 */, 1e16, 9007199254740992d /* 2^53 */, 1e17}) {
            double up = base, down = base;
            for (int i = 0; i < 2_000; i++) {
                check(up);
                check(down);
                up = Math.nextUp(up);
                down = Math.nextDown(down);
            }
        }
        for (int i = 0; i < 1_000_000; i++) check((double) r.nextLong(1_000_000_000_000_000L, 100_000_000_000_000_000L));
        for (int i = 0; i < 1_000_000; i++) check(r.nextLong(1, 1L << 53) * Math.scalb(1.0, -r.nextInt(1, 60)));
    }

    @Test
    void pricesAndIndicatorValues() {
        SplittableRandom r = new SplittableRandom(42);
        long count = 10_000_000L * SCALE;
        double price = 100, ema = 100, previous = 100;
        for (long i = 0; i < count; i++) {
            previous = price;
            price *= Math.exp(0.01 * gaussian(r));
            if (price < 1e-4 || price > 1e6) price = r.nextDouble(1, 1_000);
            ema += (price - ema) * (2.0 / 21);
            double v = switch ((int) (i % 8)) {
                case 0 -> Math.round(price * 100) / 100.0;          // a quote in cents
                case 1 -> Math.round(price * 10_000) / 10_000.0;    // in 1/100 cents
                case 2 -> price;                                   // full precision
                case 3 -> ema;
                case 4 -> 100 - 100 / (1 + price / ema);          // RSI-like, 0..100
                case 5 -> price / previous - 1;                    // a return
                case 6 -> (price - ema) * 1e-7;                   // tiny values
                default -> price * 1e-7 / 3;                       // penny stocks' prices in odd units
            };
            check(v);
        }
    }

    /** The short way for decimals of at most four places from 0.001 to below 10^7 (quotes), its ends and their neighbours. */
    @Test
    void decimalsOfAtMostFourPlaces() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 5_000_000; i++) {
            long m = r.nextLong(1, 100_000_000_000L);
            double v = m / Math.pow(10, r.nextInt(0, 5));
            check(v);
            check(Math.nextUp(v));
            check(Math.nextDown(v));
        }
        for (long m = 1; m <= 200_000; m++) check(m / 10_000.0);   // every one below 20, the fraction 0.0001 to 1.0
        for (double v : new double[] {1e-3, 0.0015, 0.0099, 0.01, 0.1, 0.5, 0.9999, 1, 9.9999, 10, 1e6, 9_999_999.9999,
                9_999_999.5, 1e7, 1e7 + 0.5, 0.30000000000000004, 1e-4, 5e-4, 0.00099999}) {
            around(v);
        }
    }

    private static double gaussian(SplittableRandom r) {   // Box-Muller, one of the two
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void theFixedPointLogarithmsAreExactWhereTheyAreUsed() {
        for (int q = -1200; q <= 1200; q++) {
            int k = ShortestDecimal.floorLog10Pow2(q);   // 10^k <= 2^q < 10^(k+1)
            assertThat(compare(k, 0, q)).as("q %d", q).isLessThanOrEqualTo(0);
            assertThat(compare(k + 1, 0, q)).as("q %d", q).isPositive();
            int k34 = ShortestDecimal.floorLog10ThreeQuartersPow2(q);   // 4 10^k <= 3 2^q < 4 10^(k+1)
            assertThat(compare(k34, 2, q, 3)).as("q %d", q).isLessThanOrEqualTo(0);
            assertThat(compare(k34 + 1, 2, q, 3)).as("q %d", q).isPositive();
        }
        for (int e = -400; e <= 400; e++) {
            int b = ShortestDecimal.floorLog2Pow10(e);   // 2^b <= 10^e < 2^(b+1)
            assertThat(compare(e, 0, b)).as("e %d", e).isGreaterThanOrEqualTo(0);
            assertThat(compare(e, 0, b + 1)).as("e %d", e).isNegative();
        }
    }

    @Test
    void theTableOverEstimatesEachPowerOfTenByLessThanOneUnitIn126Bits() {
        assertThat(ShortestDecimal.E_MIN).isEqualTo(-292);
        assertThat(ShortestDecimal.E_MAX).isEqualTo(324);
        for (int e = ShortestDecimal.E_MIN; e <= ShortestDecimal.E_MAX; e++) {
            BigInteger g = ShortestDecimal.g(e);
            assertThat(g.bitLength()).as("e %d", e).isEqualTo(126);
            int r = ShortestDecimal.floorLog2Pow10(e) - 125;   // g - 1 <= 10^e 2^-r < g
            BigInteger[] scaled = scaledPowerOfTen(e, r);   // numerator, denominator
            assertThat(g.subtract(BigInteger.ONE).multiply(scaled[1])).as("e %d", e).isLessThanOrEqualTo(scaled[0]);
            assertThat(g.multiply(scaled[1])).as("e %d", e).isGreaterThan(scaled[0]);
        }
    }

    /** The sign of {@code 10^k 2^a - m 2^q} (m defaults to 1), in exact integers. */
    private static int compare(int k, int a, int q, int... m) {
        BigInteger multiplier = BigInteger.valueOf(m.length == 0 ? 1 : m[0]);
        BigInteger left = BigInteger.ONE, right = multiplier;
        if (k >= 0) left = left.multiply(BigInteger.TEN.pow(k));
        else right = right.multiply(BigInteger.TEN.pow(-k));
        int twos = a - q;   // 10^k 2^(a-q) against m
        if (twos >= 0) left = left.shiftLeft(twos);
        else right = right.shiftLeft(-twos);
        return left.compareTo(right);
    }

    /** 10^e 2^-r as a fraction. */
    private static BigInteger[] scaledPowerOfTen(int e, int r) {
        BigInteger num = BigInteger.ONE, den = BigInteger.ONE;
        if (e >= 0) num = BigInteger.TEN.pow(e);
        else den = BigInteger.TEN.pow(-e);
        if (r >= 0) den = den.shiftLeft(r);
        else num = num.shiftLeft(-r);
        return new BigInteger[] {num, den};
    }

    @Test
    void eightDigitsAreTheDigitsOfEveryNumberBelowOneHundredMillion() {
        for (int x = 0; x < 100_000_000; x++) {
            long expected = 0;
            for (int y = x, shift = 0; shift < 64; y /= 10, shift += 8) expected |= (long) (y % 10) << shift;
            if (ShortestDecimal.eightDigits(x) != expected) fail("%d: 0x%016x", x, ShortestDecimal.eightDigits(x));
        }
    }

    @Test
    void csvTextUsesItForEveryNumberThatIsNotWholeAndSmall() {
        byte[] b = new byte[CsvText.MAX_NUMBER_BYTES];
        for (double v : new double[] {0.001, 1.0E-5, 1.234567891E8, -0.0, 123.456, 1234567.5, 1e15, 4.9E-324, -1.7976931348623157E308}) {
            String text = new String(b, 0, CsvText.writeNumber(b, 0, v), java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(text).isEqualTo(NumberOutput.toString(v, true));
        }
        assertThat(new String(b, 0, ShortestDecimal.writeShortest(b, 0, Double.NaN), java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("NaN");
    }
}
