package org.hybridta;

import java.util.Arrays;

/** The symbols and lengths of a panel's series, checked and defaulted alike for {@link Panel} and {@link HostPanel}. */
final class SeriesShape {
    private SeriesShape() {}

    /** A copy of {@code symbols}, which must be one per series. */
    static String[] checkedSymbols(String[] symbols, int seriesCount) {
        if (symbols.length != seriesCount) throw new IllegalArgumentException(symbols.length + " symbols for " + seriesCount + " series");
        return symbols.clone();
    }

    /** A copy of {@code lengths}, which must be one per series, each in {@code [0, barCount]}. */
    static int[] checkedLengths(int[] lengths, int seriesCount, int barCount) {
        if (lengths.length != seriesCount) throw new IllegalArgumentException(lengths.length + " lengths for " + seriesCount + " series");
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] < 0 || lengths[i] > barCount) {
                throw new IllegalArgumentException("length of series " + i + " is " + lengths[i] + ", outside [0, " + barCount + "]");
            }
        }
        return lengths.clone();
    }

    /** {@code symbols}, or {@code S0, S1, ...} when none were given. */
    static String[] symbolsOrDefault(String[] symbols, int seriesCount) {
        if (symbols != null) return symbols;
        String[] sym = new String[seriesCount];
        for (int i = 0; i < seriesCount; i++) sym[i] = "S" + i;
        return sym;
    }

    /** {@code lengths}, or every series full when none were given. */
    static int[] lengthsOrDefault(int[] lengths, int seriesCount, int barCount) {
        if (lengths != null) return lengths;
        int[] len = new int[seriesCount];
        Arrays.fill(len, barCount);
        return len;
    }
}
