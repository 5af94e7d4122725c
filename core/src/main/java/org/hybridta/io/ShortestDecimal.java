package org.hybridta.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;

/**
 * The shortest decimal that reads back to a double, written as ASCII bytes without allocating: Raffaello Giulietti's
 * Schubfach ("The Schubfach way to render doubles", 2020/2021), the algorithm of Java 19's {@link Double#toString},
 * in that method's layout ({@code 0.001}, {@code 123.456}, {@code 1234567.0}, {@code 1.0E-5}, {@code 1.23456789E8},
 * {@code -0.0}, {@code Infinity}). The text is the same, byte for byte, as jackson-core's
 * {@code NumberOutput.toString(v, true)}, which allocates an object and a string per number (ShortestDecimalTest).
 *
 * <p>Outline, in the paper's terms. A finite positive double is {@code v = c 2^q}; it rounds back from every decimal
 * in its rounding interval {@code R = [u, w]} ({@code u, w = (c ∓ 1/2) 2^q}; {@code u = (c - 1/4) 2^q} at the
 * bottom of a binade, where the gap below is half as wide), closed when {@code c} is even. Take the largest
 * {@code k} with {@code 10^k} at most the width of {@code R}: then {@code R} holds a multiple of {@code 10^k}, and
 * at most one of {@code 10^(k+1)}. With {@code s = floor(v 10^-k)}: a multiple of {@code 10^(k+1)} in {@code R} (one
 * digit shorter) is the answer if there is one; else whichever of {@code s 10^k} and {@code (s+1) 10^k} lies in
 * {@code R}, or, both lying in it, the one closer to {@code v} (the even one on a tie). Everything is decided on
 * {@code 4 v 10^-k}, {@code 4 u 10^-k} and {@code 4 w 10^-k}, each computed as one 64 x 126-bit product with a
 * 126-bit over-estimate {@code g} of {@code 10^-k}, rounded to odd: the paper shows that no comparison is then
 * decided wrongly.
 */
final class ShortestDecimal {
    private ShortestDecimal() {}

    /** The most bytes {@link #writeShortest} writes: {@code -2.2250738585072014E-308}. */
    static final int MAX_BYTES = 24;

    /** Significand bits of a double, hidden bit included. */
    private static final int P = 53;
    /** The exponents {@code q} of {@code v = c 2^q}: subnormals have {@code Q_MIN}, the largest binade {@code 971}. */
    private static final int Q_MIN = -1074, Q_MAX = 971;
    /** The smallest significand of a normal double; a normal {@code c} is in {@code [C_MIN, 2 C_MIN)}. */
    private static final long C_MIN = 1L << (P - 1);
    /**
     * Subnormals with a smaller significand are worked out on {@code 10 c 2^q}, one decimal digit more: their
     * {@code s} would be a single digit ({@code 2 x 2^-1074 / 10^-324 < 10}), and Double.toString's shortest text
     * has two digits where one would do ({@code 4.9E-324}, not {@code 5.0E-324}).
     */
    private static final int C_TINY = 3;
    private static final long MASK_63 = Long.MAX_VALUE;

    /**
     * The exponents {@code e = -k} of the powers of ten {@code 10^e} that {@code v 10^-k} needs: {@code k} runs from
     * {@code floor(log10 2^Q_MIN) = -324} to {@code floor(log10 2^Q_MAX) = 292}.
     */
    static final int E_MIN = -floorLog10Pow2(Q_MAX), E_MAX = -floorLog10Pow2(Q_MIN);

    /**
     * {@code g = floor(10^e 2^-r) + 1} with {@code r = floor(log2 10^e) - 125}, so {@code 2^125 <= g < 2^126}: the
     * paper's over-estimate of {@code 10^e}, as {@code g1 = g >> 63} at {@code 2(e - E_MIN)} and
     * {@code g0 = g mod 2^63} just after (next to each other: one cache line for both). Exact, from BigInteger.
     */
    private static final long[] G = new long[2 * (E_MAX - E_MIN + 1)];

    static {
        BigInteger low63 = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
        for (int e = E_MIN; e <= E_MAX; e++) {
            BigInteger g = g(e);
            G[2 * (e - E_MIN)] = g.shiftRight(63).longValueExact();
            G[2 * (e - E_MIN) + 1] = g.and(low63).longValueExact();
        }
    }

    /** The paper's {@code g} for {@code 10^e}, computed exactly. */
    static BigInteger g(int e) {
        int r = floorLog2Pow10(e) - 125;
        BigInteger scaled;   // floor(10^e 2^-r)
        if (e >= 0) {
            BigInteger p = BigInteger.TEN.pow(e);
            scaled = r >= 0 ? p.shiftRight(r) : p.shiftLeft(-r);
        } else {   // r < 0 here
            scaled = BigInteger.ONE.shiftLeft(-r).divide(BigInteger.TEN.pow(-e));
        }
        return scaled.add(BigInteger.ONE);
    }

    /** {@code floor(log10 2^q)} for {@code |q| <= 5456}, by a fixed-point product (exact there: ShortestDecimalTest). */
    static int floorLog10Pow2(int q) {
        return (int) (q * 661_971_961_083L >> 41);
    }

    /** {@code floor(log10 (3/4 2^q))} for {@code |q| <= 5456}: the width of the interval at the bottom of a binade. */
    static int floorLog10ThreeQuartersPow2(int q) {
        return (int) (q * 661_971_961_083L - 274_743_187_321L >> 41);
    }

    /** {@code floor(log2 10^e)} for {@code |e| <= 1233}. */
    static int floorLog2Pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }

    /**
     * Writes the shortest decimal of {@code v} in {@link Double#toString}'s layout (Java 19 and later) at {@code at},
     * which must leave room for {@link #MAX_BYTES} (bytes after the text, within that room, may be overwritten);
     * NaN is written as {@code NaN}.
     *
     * @return the position after the text
     */
    static int writeShortest(byte[] dst, int at, double v) {
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e7) {   // laid out plainly; R is narrower than 10^-8 there
            double scaled = a * 10_000;
            long m = (long) scaled;
            if (m == scaled && m / 10_000.0 == a) {   // m 10^-4 rounds to a (the division is correctly rounded)
                if (v < 0) dst[at++] = '-';
                return fourDecimals(dst, at, m);
            }
        }
        long bits = Double.doubleToRawLongBits(v);
        long t = bits & (C_MIN - 1);
        int bq = (int) (bits >>> (P - 1)) & 0x7ff;
        if (bq == 0x7ff) return ascii(dst, at, t != 0 ? "NaN" : bits < 0 ? "-Infinity" : "Infinity");
        if (bits < 0) dst[at++] = '-';
        if (bq != 0) {
            long c = C_MIN | t;
            int q = bq + Q_MIN - 1;
            if (q < 0 && q > -P) {   // a whole number below 2^53: its own digits are the shortest decimal
                long f = c >> -q;
                if (f << -q == c) return layout(dst, at, f, 0);
            }
            return shortest(dst, at, q, c, 0);
        }
        if (t == 0) return ascii(dst, at, "0.0");
        return t < C_TINY ? shortest(dst, at, Q_MIN, 10 * t, -1) : shortest(dst, at, Q_MIN, t, 0);
    }

    /**
     * Writes {@code m 10^-4} ({@code 10 <= m < 10^11}) plainly: a quote's price, most often, without Schubfach. When
     * that decimal rounds to the double, it is the shortest that does and the one Schubfach finds: the double's
     * interval {@code R} is narrower than {@code 10^-4}, so it holds no other multiple of {@code 10^-4}, and every
     * decimal as short (or one digit longer) with the same leading digit is one. Trailing zeros are dropped, one digit
     * after the point kept.
     */
    private static int fourDecimals(byte[] dst, int at, long m) {
        int integer = (int) (m / 10_000), fraction = (int) (m - integer * 10_000L);
        long digits = eightDigits(integer);   // < 10^7: the first lane is zero
        int n = Math.max(1, 8 - (Long.numberOfLeadingZeros(digits) >>> 3));
        EIGHT_BYTES.set(dst, at, digits + ZEROS << 8 * (8 - n));
        at += n;
        long four = eightDigits(fraction);   // the four digits in the low lanes
        int more = fraction == 0 ? 1 : 4 - (Long.numberOfTrailingZeros(four) >>> 3);
        EIGHT_BYTES.set(dst, at, (long) '.' << 56 | (four + ZEROS) << 24 & 0x00ff_ffff_ff00_0000L);
        return at + 1 + more;
    }

    /** Schubfach on {@code c 2^q}; the decimal found is written with exponent {@code k + dk}. */
    private static int shortest(byte[] dst, int at, int q, long c, int dk) {
        boolean regular = c != C_MIN || q == Q_MIN;   // the gap below v is as wide as the one above
        int k = regular ? floorLog10Pow2(q) : floorLog10ThreeQuartersPow2(q);
        int h = q + floorLog2Pow10(-k) + 2;   // 1..4: the shift that makes (4c << h) g / 2^127 = 4 v 10^-k
        int i = 2 * (-k - E_MIN);
        long g1 = G[i], g0 = G[i + 1];
        long cb = c << 2;
        long vb = timesRoundedToOdd(g1, g0, cb << h);                           // 4 v 10^-k
        long vbl = timesRoundedToOdd(g1, g0, (cb - (regular ? 2 : 1)) << h);   // 4 u 10^-k
        long vbr = timesRoundedToOdd(g1, g0, (cb + 2) << h);                   // 4 w 10^-k
        long open = c & 1;   // an odd c: the interval's ends do not round to v
        long s = vb >> 2;
        if (s >= 100) {   // one digit shorter (keeping at least two: Double.toString's rule for one-digit decimals)
            long s10 = s / 10 * 10, t10 = s10 + 10;
            boolean sIn = vbl + open <= s10 << 2, tIn = (t10 << 2) + open <= vbr;
            if (sIn != tIn) return layout(dst, at, sIn ? s10 : t10, k + dk);
        }
        long t = s + 1;
        boolean sIn = vbl + open <= s << 2, tIn = (t << 2) + open <= vbr;
        if (sIn != tIn) return layout(dst, at, sIn ? s : t, k + dk);
        // both in R: the closer, the even one on a tie; without branches (which way is a coin toss)
        long fromMiddle = vb - (s + t << 1);   // 4 v 10^-k against 4 (s + 1/2)
        long above = -fromMiddle >>> 63, onIt = ~((fromMiddle | -fromMiddle) >> 63);
        return layout(dst, at, s + (above | onIt & s & 1), k + dk);
    }

    /**
     * {@code floor(g cp / 2^127)} with its lowest bit set when the quotient is not whole (rounding to odd), where
     * {@code g = g1 2^63 + g0} and {@code 0 <= cp < 2^63}. Of {@code g0 cp} only the high word counts and of
     * {@code g1 cp} all but its lowest bit: the paper shows that what is dropped never decides a comparison.
     */
    private static long timesRoundedToOdd(long g1, long g0, long cp) {
        long lowOfG0 = Math.multiplyHigh(g0, cp);   // g0 cp / 2^64
        long g1Low = g1 * cp, g1High = Math.multiplyHigh(g1, cp);
        long middle = (g1Low >>> 1) + lowOfG0;     // the bits below 2^127, over 2^63; no overflow: both < 2^63
        long whole = g1High + (middle >>> 63);
        return whole | ((middle & MASK_63) + MASK_63) >>> 63;   // | 1 when any fraction bit is set
    }

    /** Powers of ten that fit a long. */
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
    }

    /** Eight bytes at once, the first byte the most significant. */
    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long ZEROS = 0x3030_3030_3030_3030L;

    /**
     * Writes {@code f 10^e} ({@code 1 <= f < 10^17}) as Double.toString lays a double out: plainly from 0.001 to below
     * 10^7 with at least one digit after the point, else {@code d.dddE±n}; no trailing zeros beyond that digit. The
     * digits are those of {@code f} scaled to 17, first, {@code d}, then two blocks of eight written eight bytes at a
     * time, whose trailing zeros are counted rather than scanned. Bytes after the text (up to {@link #MAX_BYTES}) may
     * be overwritten.
     */
    private static int layout(byte[] dst, int at, long f, int e) {
        int n = floorLog10Pow2(64 - Long.numberOfLeadingZeros(f));
        if (f >= POW10[n]) n++;   // n: f's number of digits
        int exp = e + n - 1;   // the value is d.ddd x 10^exp
        long f17 = f * POW10[17 - n];
        int first = (int) (f17 / 10_000_000_000_000_000L);
        long rest = f17 - first * 10_000_000_000_000_000L;
        long high8 = rest / 100_000_000;
        long high = eightDigits((int) high8), low = eightDigits((int) (rest - high8 * 100_000_000));
        // the digits after the first up to the last non-zero one: 0 to 16
        int more = low != 0 ? 16 - (Long.numberOfTrailingZeros(low) >>> 3)
                : 8 - (Long.numberOfTrailingZeros(high) >>> 3);   // 64 >>> 3 = 8 when high is zero too
        if (exp >= 0 && exp < 7) {   // the digits one byte on from the point on; the first eight bytes spliced
            EIGHT_BYTES.set(dst, at + 2, high + ZEROS);
            EIGHT_BYTES.set(dst, at + 10, low + ZEROS);
            long eight = ((long) first << 56 | high >>> 8) + ZEROS;   // the first eight digits
            int pointShift = 8 * (6 - exp);   // where the point goes: byte exp + 1
            long integer = eight & -1L << pointShift + 8, fraction = eight >>> 8 & (1L << pointShift) - 1;
            EIGHT_BYTES.set(dst, at, integer | (long) '.' << pointShift | fraction);
            return Math.max(at + 2 + more, at + exp + 3);   // at least one digit after the point ('0' when whole)
        }
        if (exp < 0 && exp >= -3) {   // 0.001 to 0.999...: "0." and -exp-1 zeros before the digits
            EIGHT_BYTES.set(dst, at, 0x302e_3030_3030_3030L);   // "0.000000"
            int lead = at + 1 - exp;
            dst[lead] = (byte) ('0' + first);
            EIGHT_BYTES.set(dst, lead + 1, high + ZEROS);
            EIGHT_BYTES.set(dst, lead + 9, low + ZEROS);
            return lead + 1 + more;
        }
        dst[at] = (byte) ('0' + first);   // d.ddd
        dst[at + 1] = '.';
        EIGHT_BYTES.set(dst, at + 2, high + ZEROS);
        EIGHT_BYTES.set(dst, at + 10, low + ZEROS);
        int end = at + 2 + Math.max(more, 1);
        dst[end++] = 'E';
        if (exp < 0) {
            dst[end++] = '-';
            exp = -exp;
        }
        if (exp >= 100) {
            dst[end++] = (byte) ('0' + exp / 100);
            exp %= 100;
            dst[end++] = CsvText.DIGIT_PAIRS[2 * exp];
            dst[end++] = CsvText.DIGIT_PAIRS[2 * exp + 1];
        } else if (exp >= 10) {
            dst[end++] = CsvText.DIGIT_PAIRS[2 * exp];
            dst[end++] = CsvText.DIGIT_PAIRS[2 * exp + 1];
        } else {
            dst[end++] = (byte) ('0' + exp);
        }
        return end;
    }

    /**
     * The eight decimal digits of {@code 0 <= x < 10^8} as the values 0..9 of eight bytes, the first digit in the most
     * significant byte (add {@link #ZEROS} for ASCII): split in halves of four digits, those in pairs, the pairs in
     * digits, each step on all the parts at once in lanes of one long (the quotients by 100 and 10 as fixed-point
     * products, exact below 10^4 and 10^2).
     */
    static long eightDigits(int x) {
        int upper = x / 10_000;
        long fours = (long) upper << 32 | (x - upper * 10_000);                       // two lanes of 32 bits, < 10^4
        long hundreds = (fours * 10_486 >>> 20) & 0x0000_007f_0000_007fL;            // each lane / 100
        long twos = fours + hundreds * (0x1_0000 - 100);                              // four lanes of 16 bits, < 100
        long tens = (twos * 103 >>> 10) & 0x000f_000f_000f_000fL;                    // each lane / 10
        return twos + tens * (0x100 - 10);                                            // eight lanes of 8 bits, < 10
    }

    private static int ascii(byte[] dst, int at, String text) {
        for (int j = 0; j < text.length(); j++) dst[at + j] = (byte) text.charAt(j);
        return at + text.length();
    }
}
