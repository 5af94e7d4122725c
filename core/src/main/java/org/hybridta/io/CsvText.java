package org.hybridta.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;

/** The number and date forms of HybridTA's CSV files, shared by its readers and writers (and the pipeline's CSV sink). */
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
     * everything else as {@link Double#toString(double)}. Never locale-dependent. NaN appends nothing
     * (an empty cell).
     */
    public static void appendNumber(StringBuilder sb, double v) {
        if (Double.isNaN(v)) return;
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && Double.doubleToRawLongBits(v) != 0)) {
            sb.append((long) v);
        } else {
            sb.append(v);
        }
    }

    /** Appends the ISO date of an epoch day. */
    static void appendDate(StringBuilder sb, int epochDay) {
        sb.append(LocalDate.ofEpochDay(epochDay));
    }
}
