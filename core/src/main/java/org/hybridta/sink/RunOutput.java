package org.hybridta.sink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.parallel.PartResult;
import org.hybridta.source.Constituent;

/**
 * Everything a pipeline run computed, gathered at the root: for every symbol that succeeded, in universe
 * order, its bars and its indicator values. Backed by the parts' own arrays (nothing is copied).
 */
public final class RunOutput {
    private final List<Indicator> indicators;
    private final List<String> columns;
    private final List<BarSeries> series = new ArrayList<>();
    private final List<IndicatorValues> values = new ArrayList<>();
    private final int[] rows;
    private final Map<String, Integer> bySymbol = new HashMap<>();
    private final boolean synthetic;

    private RunOutput(List<Indicator> indicators, List<BarSeries> series, List<IndicatorValues> values, List<Integer> rows,
                      boolean synthetic) {
        this.synthetic = synthetic;
        this.indicators = List.copyOf(indicators);
        this.columns = Indicators.columns(indicators);
        this.series.addAll(series);
        this.values.addAll(values);
        this.rows = rows.stream().mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < series.size(); i++) bySymbol.put(series.get(i).symbol(), i);
    }

    /**
     * Orders the parts' successful symbols as {@code members} lists them; the bars are market data.
     *
     * @throws IllegalArgumentException if a part's columns differ from {@code indicators}' outputs
     */
    public static RunOutput of(List<PartResult> parts, List<Constituent> members, List<? extends Indicator> indicators) {
        return of(parts, members, indicators, false);
    }

    /**
     * Orders the parts' successful symbols as {@code members} lists them.
     *
     * @param synthetic whether the bars are made up ({@link org.hybridta.source.QuoteSource#isSynthetic()}): sinks then say so
     * @throws IllegalArgumentException if a part's columns differ from {@code indicators}' outputs
     */
    public static RunOutput of(List<PartResult> parts, List<Constituent> members, List<? extends Indicator> indicators, boolean synthetic) {
        List<String> expected = Indicators.columns(indicators);
        Map<String, int[]> where = new HashMap<>();
        for (int p = 0; p < parts.size(); p++) {
            PartResult part = parts.get(p);
            if (part.values() != null && !part.values().columns().equals(expected)) {
                throw new IllegalArgumentException("part " + part.part() + " has columns " + part.values().columns() + ", expected " + expected);
            }
            for (int r = 0; r < part.series().size(); r++) where.put(part.series().get(r).symbol(), new int[] {p, r});
        }
        List<BarSeries> series = new ArrayList<>();
        List<IndicatorValues> values = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (Constituent c : members) {
            int[] pr = where.get(c.symbol());
            if (pr == null) continue;
            PartResult part = parts.get(pr[0]);
            series.add(part.series().get(pr[1]));
            values.add(part.values());
            rows.add(pr[1]);
        }
        return new RunOutput(List.copyOf(indicators), series, values, rows, synthetic);
    }

    /**
     * Whether the bars are made up (a synthetic source), not market data: every sink says so — the CSV with a last
     * column {@code source} of {@code synthetic}, charts in their titles.
     */
    public boolean isSynthetic() { return synthetic; }

    public List<Indicator> indicators() { return indicators; }

    /** The indicator output columns, in order. */
    public List<String> columns() { return columns; }

    /** Number of symbols with results. */
    public int size() { return series.size(); }

    /** The bars of the {@code i}-th symbol with results. */
    public BarSeries series(int i) { return series.get(i); }

    /** Index of a symbol in this output, or -1. */
    public int indexOf(String symbol) {
        Integer i = bySymbol.get(symbol);
        return i == null ? -1 : i;
    }

    /** Value of output column {@code column} for symbol {@code i} at bar {@code t}. */
    public double value(int i, int column, int t) {
        return values.get(i).get(column, rows[i], t);
    }

    /** A copy of one output column of symbol {@code i}, as long as its series. */
    public double[] values(int i, String column) {
        return values.get(i).series(column, rows[i]);
    }

    /** A copy of one output column of a symbol. */
    public double[] values(String symbol, String column) {
        int i = indexOf(symbol);
        if (i < 0) throw new IllegalArgumentException("no results for " + symbol);
        return values(i, column);
    }
}
