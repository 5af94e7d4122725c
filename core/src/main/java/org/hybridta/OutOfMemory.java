package org.hybridta;

/**
 * The one-line message for work that did not fit in the Java heap, naming what was being done, the heap's limit
 * and what to do: {@code out of memory computing 5,000 symbols x 2,900 bars (the Java heap is limited to 512 MB);
 * give Java more heap (java -Xmx4g …) or compute fewer symbols at once}.
 *
 * <p>Written for a heap that has just run out: callers drop what they held first, and nothing here uses
 * {@link java.util.Formatter} (whose locale data may not load in that state).
 */
public final class OutOfMemory {
    private OutOfMemory() {}

    /** Whether {@code t}, or one of its causes, is an {@link OutOfMemoryError}. */
    public static boolean in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError) return true;
        }
        return false;
    }

    /**
     * @param doing   what did not fit, e.g. {@code computing 5,000 symbols x 2,900 bars}; may be empty
     * @param smaller how to ask for less, e.g. {@code fewer symbols or a shorter date range}
     */
    public static String message(String doing, String smaller) {
        long max = Runtime.getRuntime().maxMemory();
        String heap = max == Long.MAX_VALUE ? "" : " (the Java heap is limited to " + megabytes(max) + ")";
        return "out of memory" + (doing.isEmpty() ? "" : " " + doing) + heap + "; give Java more heap (java -Xmx" + suggestedGigabytes(max) + "g …) or " + smaller;
    }

    /** {@code 512 MB}, {@code 4,096 MB}. */
    static String megabytes(long bytes) {
        return number(bytes >> 20) + " MB";
    }

    /** {@code n} with a comma between thousands: {@code 5,000}. */
    public static String number(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) sb.append('-');
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) sb.append(',');
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    /** Twice the current limit, in whole gigabytes (at least 2). */
    private static long suggestedGigabytes(long max) {
        return max == Long.MAX_VALUE ? 8 : Math.max(2, ((2 * max) + (1L << 30) - 1) >> 30);
    }
}
