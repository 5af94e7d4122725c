package org.hybridta.xsection;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A square matrix indexed by symbol on both sides: a correlation or covariance matrix. Immutable; NaN where a pair
 * has no value (fewer than {@link CrossSection#MIN_DAYS} common days, or a series flat over them).
 */
public final class SymbolMatrix {
    private final List<String> symbols;
    private final double[] values;
    private Map<String, Integer> index;

    SymbolMatrix(List<String> symbols, double[] values) {
        if (values.length != symbols.size() * symbols.size()) {
            throw new IllegalArgumentException(values.length + " values for " + symbols.size() + " symbols");
        }
        this.symbols = List.copyOf(symbols);
        this.values = values;
    }

    /** The symbols, in row (and column) order. */
    public List<String> symbols() { return symbols; }

    /** Number of rows (and columns). */
    public int size() { return symbols.size(); }

    /** The value of row {@code i}, column {@code j}. */
    public double get(int i, int j) {
        Objects.checkIndex(i, symbols.size());
        Objects.checkIndex(j, symbols.size());
        return values[i * symbols.size() + j];
    }

    /** The value of the pair, in either order. */
    public double get(String a, String b) { return get(indexOf(a), indexOf(b)); }

    /** The row (and column) of {@code symbol}. */
    public int indexOf(String symbol) {
        Map<String, Integer> m = index;
        if (m == null) {
            m = new HashMap<>(symbols.size() * 2);
            for (int i = 0; i < symbols.size(); i++) m.put(symbols.get(i), i);
            index = m;
        }
        Integer i = m.get(symbol);
        if (i == null) throw new IllegalArgumentException(symbol + " is not in the matrix");
        return i;
    }

    /** A copy of the values, row-major ({@code [i * size() + j]}). */
    public double[] toArray() { return values.clone(); }

    /** The values without a copy, for writers in this package. */
    double[] values() { return values; }

    @Override public String toString() { return "SymbolMatrix[" + symbols.size() + " x " + symbols.size() + "]"; }

    @Override public boolean equals(Object o) {
        return o instanceof SymbolMatrix m && symbols.equals(m.symbols) && Arrays.equals(values, m.values);
    }

    @Override public int hashCode() { return symbols.hashCode() * 31 + Arrays.hashCode(values); }
}
