package org.hybridta.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The number and date text of every CSV HybridTA writes: read back, it is the very same value. */
class CsvTextTest {

    private static String written(double v) {
        byte[] b = new byte[CsvText.MAX_NUMBER_BYTES];
        return new String(b, 0, CsvText.writeNumber(b, 0, v), StandardCharsets.US_ASCII);
    }

    private static String appended(double v) {
        StringBuilder sb = new StringBuilder();
        CsvText.appendNumber(sb, v);
        return sb.toString();
    }

    @Test
    void everyDoubleReadsBackBitForBitAndBothFormsAgree() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(r.nextLong());                    // any bit pattern
                case 1 -> Math.round(r.nextDouble(1, 1_000) * 100) / 100.0;          // prices in cents
                case 2 -> r.nextDouble(-1, 1) * Math.pow(10, r.nextInt(-12, 12));   // indicator values
                default -> (double) r.nextLong(-1_000_000_000_000L, 1_000_000_000_000L);   // volumes
            };
            if (Double.isNaN(v) || Double.isInfinite(v)) continue;
            String text = written(v);
            assertThat(text).isEqualTo(appended(v));
            assertThat(Double.doubleToRawLongBits(Double.parseDouble(text))).as(text).isEqualTo(Double.doubleToRawLongBits(v));
            assertThat(CsvText.parseNumber(text)).isEqualTo(v);
        }
    }

    @Test
    void wholeNumbersHaveNoFractionAndTheRestThePlainShortestForm() {
        assertThat(written(1250)).isEqualTo("1250");
        assertThat(written(-3)).isEqualTo("-3");
        assertThat(written(0)).isEqualTo("0");
        assertThat(written(-0.0)).isEqualTo("-0.0");
        assertThat(written(0.1)).isEqualTo("0.1");
        assertThat(written(123.456)).isEqualTo("123.456");
        assertThat(written(1e-5)).isEqualTo("1.0E-5");
        assertThat(written(1e15)).isEqualTo("1.0E15");
        assertThat(written(2.0E-3)).isEqualTo("0.002");
        // Java 17's Double.toString gives 2.82879384806159008E17 and 9.999999999999999E22 here: longer than needed
        assertThat(written(2.82879384806159E17)).isEqualTo("2.82879384806159E17");
        assertThat(written(1.0E23)).isEqualTo("1.0E23");
        assertThat(written(Double.NaN)).isEmpty();
        assertThat(written(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(written(Double.MIN_VALUE)).isEqualTo("4.9E-324");
    }

    @Test
    void wholeNumbersAtEveryDigitCountAndAroundTheIntRangeAreTheirLongText() {
        for (long p = 1; p <= 100_000_000_000_000L; p *= 10) {
            for (long v : new long[] {p - 1, p, p + 1, 2 * p, 9 * p + 9 % p, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, 4_294_967_296L}) {
                assertThat(written(v)).isEqualTo(Long.toString(v));
                assertThat(written(-v)).isEqualTo(v == 0 ? "0" : Long.toString(-v));
            }
        }
        assertThat(written(999_999_999_999_999d)).isEqualTo("999999999999999");
    }

    @Test
    void datesAreIso() {
        byte[] b = new byte[16];
        for (LocalDate d : new LocalDate[] {LocalDate.of(2026, 12, 5), LocalDate.of(1970, 1, 1), LocalDate.of(1, 2, 3), LocalDate.of(9999, 12, 31),
                LocalDate.of(12345, 6, 7), LocalDate.of(-5, 1, 1)}) {
            int n = CsvText.writeDate(b, 0, (int) d.toEpochDay());
            assertThat(new String(b, 0, n, StandardCharsets.US_ASCII)).isEqualTo(d.toString());
        }
    }
}
