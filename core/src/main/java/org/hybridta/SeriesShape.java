package org.hybridta;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The shape of a block of series, shared by {@link Panel}, {@link HostPanel} and {@link IndicatorValues}: the
 * series' symbols, their lengths, and the bars per series slot ({@link #barCount()}, the longest length). Values
 * are series-major: bar {@code t} of series {@code s} is at index {@code s * barCount() + t}, and series {@code s}
 * occupies bars {@code [0, length(s))} of its slot. Immutable.
 */
public final class SeriesShape {
    private final String[] symbols;
    private final int[] lengths;
    private final int barCount;

    private SeriesShape(String[] symbols, int[] lengths, int barCount) {
        this.symbols = symbols;
        this.lengths = lengths;
        this.barCount = barCount;
    }

    /**
     * A shape of {@code symbols.length} series.
     *
     * @param symbols  one per series, none null
     * @param lengths  one per series, each in {@code [0, barCount]}
     * @throws IllegalArgumentException naming the series that does not fit
     */
    public static SeriesShape of(String[] symbols, int[] lengths, int barCount) {
        if (barCount < 0) throw new IllegalArgumentException("barCount must be >= 0, was " + barCount);
        return new SeriesShape(checkedSymbols(symbols, symbols.length), checkedLengths(lengths, symbols.length, barCount), barCount);
    }

    /** The shape of a builder that was given {@code symbols} and {@code lengths} (checked) or not (null): {@code S0, S1, …}, every series full. */
    static SeriesShape of(int seriesCount, int barCount, String[] symbols, int[] lengths) {
        String[] sym = symbols;
        if (sym == null) {
            sym = new String[seriesCount];
            for (int i = 0; i < seriesCount; i++) sym[i] = "S" + i;
        }
        int[] len = lengths;
        if (len == null) {
            len = new int[seriesCount];
            Arrays.fill(len, barCount);
        }
        return new SeriesShape(sym, len, barCount);
    }

    /** A copy of {@code symbols}, which must be one per series, none null. */
    static String[] checkedSymbols(String[] symbols, int seriesCount) {
        if (symbols.length != seriesCount) throw new IllegalArgumentException(symbols.length + " symbols for " + seriesCount + " series");
        String[] sym = symbols.clone();
        for (int i = 0; i < sym.length; i++) Objects.requireNonNull(sym[i], "symbol of series " + i);
        return sym;
    }

    /** A copy of {@code lengths}, which must be one per series, each in {@code [0, barCount]}. */
    static int[] checkedLengths(int[] lengths, int seriesCount, int barCount) {
        if (lengths.length != seriesCount) throw new IllegalArgumentException(lengths.length + " lengths for " + seriesCount + " series");
        int[] len = lengths.clone();
        for (int i = 0; i < len.length; i++) {
            if (len[i] < 0 || len[i] > barCount) {
                throw new IllegalArgumentException("length of series " + i + " is " + len[i] + ", outside [0, " + barCount + "]");
            }
        }
        return len;
    }

    public int seriesCount() { return symbols.length; }

    /** Bars per series slot: the length of the longest series, or more. */
    public int barCount() { return barCount; }

    /** Values per field or output: {@code seriesCount() * barCount()}. */
    public long cells() { return (long) symbols.length * barCount; }

    /** Number of bars of series {@code s}. */
    public int length(int s) { return lengths[s]; }

    /** The lengths of all series (a copy). */
    public int[] lengths() { return lengths.clone(); }

    public String symbol(int s) { return symbols[s]; }

    public List<String> symbols() { return List.of(symbols); }

    /** Total number of real bars (padding excluded). */
    public long barTotal() {
        long total = 0;
        for (int len : lengths) total += len;
        return total;
    }

    /** Series {@code [from, to)}, with the same bar count. */
    public SeriesShape slice(int from, int to) {
        Objects.checkFromToIndex(from, to, symbols.length);
        return new SeriesShape(Arrays.copyOfRange(symbols, from, to), Arrays.copyOfRange(lengths, from, to), barCount);
    }

    @Override public boolean equals(Object o) {
        return o instanceof SeriesShape s && barCount == s.barCount && Arrays.equals(symbols, s.symbols) && Arrays.equals(lengths, s.lengths);
    }

    @Override public int hashCode() {
        return 31 * (31 * Arrays.hashCode(symbols) + Arrays.hashCode(lengths)) + barCount;
    }

    @Override public String toString() {
        return symbols.length + " series x " + barCount + " bars";
    }
}
