package org.hybridta.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;

/** The number and date forms of HybridTA's CSV files, shared by its readers and writers (and the CSV table writer). */
public final class CsvText {
    private CsvText() {}

    /**
     * RFC 4180 with {@code \n} line ends; values and header names are trimmed, blank lines skipped. No
     * header handling: the readers check the header themselves, to name what is wrong with it.
     */
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setTrim(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .setRecordSeparator('\n')
            .get();

    /** The column that marks the rows of made-up bars, last in a file, and its value: {@code source} = {@code synthetic}. */
    public static final String SOURCE_COLUMN = "source", SYNTHETIC = "synthetic";

    /** Returned by {@link #parseNumber} for text that is not a number (no valid input is NaN). */
    static final double NOT_A_NUMBER = Double.NaN;

    /**
     * Parses a plain decimal number ({@code 12}, {@code -0.5}, {@code 1.5e-3}); anything else, including
     * {@code NaN}, {@code Infinity}, hexadecimal and Java's {@code 1d}/{@code 1f} suffixes, gives
     * {@link #NOT_A_NUMBER}. A number too large for a double gives an infinity.
     */
    static double parseNumber(String s) {
        int n = s.length();
        if (n == 0) return NOT_A_NUMBER;
        boolean digit = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') digit = true;
            else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') return NOT_A_NUMBER;
        }
        if (!digit) return NOT_A_NUMBER;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return NOT_A_NUMBER;
        }
    }

    /** Returned by {@link #parseDate} for text that is not of the form {@code yyyy-MM-dd}. */
    static final long NOT_A_DATE = Long.MIN_VALUE;
    /** Returned by {@link #parseDate} for {@code yyyy-MM-dd} text that names no day, e.g. {@code 2024-02-30}. */
    static final long NO_SUCH_DAY = Long.MIN_VALUE + 1;

    /** Parses an ISO {@code yyyy-MM-dd} date to its epoch day, without the cost of a formatter. */
    static long parseDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') return NOT_A_DATE;
        int y = digits(s, 0, 4), m = digits(s, 5, 7), d = digits(s, 8, 10);
        if (y < 0 || m < 0 || d < 0) return NOT_A_DATE;
        try {
            return LocalDate.of(y, m, d).toEpochDay();
        } catch (DateTimeException e) {
            return NO_SUCH_DAY;
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * Appends {@code v} in a form that reads back to exactly the same double: whole numbers below 1e15
     * without a fraction ({@code 1250} rather than {@code 1250.0}, so that volumes read naturally),
     * everything else as the shortest decimal that reads back to {@code v}, in {@link Double#toString}'s layout as of
     * Java 19 ({@code 0.1}, {@code 1.0E-5}, {@code 2.5E20}; {@link ShortestDecimal}: Giulietti's Schubfach, the
     * algorithm of Java 19's {@code Double.toString}, several times faster than Java 17's, which also gives a digit
     * too many for some values). Never locale-dependent. NaN appends nothing (an empty cell).
     */
    public static void appendNumber(StringBuilder sb, double v) {
        if (Double.isNaN(v)) return;
        if (isWhole(v)) {
            sb.append((long) v);
            return;
        }
        byte[] text = new byte[ShortestDecimal.MAX_BYTES];
        int n = ShortestDecimal.writeShortest(text, 0, v);
        for (int i = 0; i < n; i++) sb.append((char) text[i]);
    }

    /** The most bytes {@link #writeNumber} writes. */
    public static final int MAX_NUMBER_BYTES = 32;

    /**
     * Writes {@code v} as {@link #appendNumber} appends it, as ASCII bytes into {@code dst} at {@code at} (which must
     * have room for {@link #MAX_NUMBER_BYTES}; bytes after the number within that room may be overwritten), for writers
     * that format straight into byte buffers.
     *
     * @return the position after the number
     */
    public static int writeNumber(byte[] dst, int at, double v) {
        if (Double.isNaN(v)) return at;
        if (isWhole(v)) return writeLong(dst, at, (long) v);
        return ShortestDecimal.writeShortest(dst, at, v);   // no allocation: a CSV write formats millions of these
    }

    /** Writes the ISO date ({@code yyyy-MM-dd}, 10 bytes for years 0 to 9999) of an epoch day at {@code at}. */
    public static int writeDate(byte[] dst, int at, int epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        int y = d.getYear();
        if (y < 0 || y > 9999) {   // ISO's +/- years: rare enough for the general path
            String text = d.toString();
            for (int i = 0; i < text.length(); i++) dst[at + i] = (byte) text.charAt(i);
            return at + text.length();
        }
        dst[at] = (byte) ('0' + y / 1000);
        dst[at + 1] = (byte) ('0' + y / 100 % 10);
        dst[at + 2] = (byte) ('0' + y / 10 % 10);
        dst[at + 3] = (byte) ('0' + y % 10);
        dst[at + 4] = '-';
        dst[at + 5] = (byte) ('0' + d.getMonthValue() / 10);
        dst[at + 6] = (byte) ('0' + d.getMonthValue() % 10);
        dst[at + 7] = '-';
        dst[at + 8] = (byte) ('0' + d.getDayOfMonth() / 10);
        dst[at + 9] = (byte) ('0' + d.getDayOfMonth() % 10);
        return at + 10;
    }

    /** Whole numbers below 1e15 are written without a fraction (-0.0 keeps its sign, as a decimal). */
    private static boolean isWhole(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && Double.doubleToRawLongBits(v) != 0);
    }

    /** "00" to "99": two digits per division (a whole number's text was an eighth of a CSV write's time). */
    static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private static int writeLong(byte[] dst, int at, long v) {
        if (v < 0) {
            dst[at++] = '-';
            v = -v;   // |v| < 1e15: no overflow
        }
        int end = at + digits(v), i = end;
        while (v >= Integer.MAX_VALUE) {   // long division only above the int range
            long q = v / 100;
            int r = (int) (v - q * 100);
            dst[--i] = DIGIT_PAIRS[2 * r + 1];
            dst[--i] = DIGIT_PAIRS[2 * r];
            v = q;
        }
        int n = (int) v;
        while (n >= 100) {
            int q = n / 100, r = n - q * 100;
            dst[--i] = DIGIT_PAIRS[2 * r + 1];
            dst[--i] = DIGIT_PAIRS[2 * r];
            n = q;
        }
        if (n >= 10) {
            dst[--i] = DIGIT_PAIRS[2 * n + 1];
            dst[--i] = DIGIT_PAIRS[2 * n];
        } else {
            dst[--i] = (byte) ('0' + n);
        }
        return end;
    }

    /** The number of decimal digits of {@code v >= 0} (1 for 0). */
    private static int digits(long v) {
        int d = 1;
        for (long p = 10; d < 19 && v >= p; p *= 10) d++;
        return d;
    }

    /** Appends the ISO date of an epoch day. */
    static void appendDate(StringBuilder sb, int epochDay) {
        sb.append(LocalDate.ofEpochDay(epochDay));
    }
}
