package org.hybridta.sink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;

/**
 * Bars and indicator values of symbols in universe order, dates in the run's range: a part of a run on its way
 * to the sinks, or, when a pipeline keeps them, all of a run's. Backed by the computed arrays (nothing copied).
 */
public final class RunOutput {
    private final List<Indicator> indicators;
    private final List<String> columns;
    private final boolean synthetic;
    private final List<BarSeries> series;
    private final List<IndicatorValues> blocks;   // per symbol, the values holding it
    private final int[] rows;                     // per symbol, its row in that block
    private final Map<String, Integer> bySymbol = new HashMap<>();

    private RunOutput(List<Indicator> indicators, boolean synthetic, List<BarSeries> series, List<IndicatorValues> blocks, int[] rows) {
        this.indicators = indicators;
        this.columns = Indicators.columns(indicators);
        this.synthetic = synthetic;
        this.series = series;
        this.blocks = blocks;
        this.rows = rows;
        for (int i = 0; i < series.size(); i++) bySymbol.put(series.get(i).symbol(), i);
    }

    /**
     * The symbols of one computed block: series {@code s} of {@code values} holds the outputs of {@code series.get(s)}.
     *
     * @param values the outputs, or {@code null} when {@code series} is empty
     * @throws IllegalArgumentException if the values' columns are not the indicators' outputs, or their series do not match
     */
    public static RunOutput of(List<? extends Indicator> indicators, boolean synthetic, List<BarSeries> series, IndicatorValues values) {
        List<Indicator> specs = List.copyOf(indicators);
        if (series.isEmpty()) return new RunOutput(specs, synthetic, List.of(), List.of(), new int[0]);
        Objects.requireNonNull(values, "values");
        List<String> expected = Indicators.columns(specs);
        if (!values.columns().equals(expected)) {
            throw new IllegalArgumentException("values have columns " + values.columns() + ", expected " + expected);
        }
        if (values.seriesCount() != series.size()) {
            throw new IllegalArgumentException(values.seriesCount() + " series of values for " + series.size() + " series of bars");
        }
        int[] rows = new int[series.size()];
        List<IndicatorValues> blocks = new ArrayList<>(series.size());
        for (int s = 0; s < rows.length; s++) {
            if (values.length(s) != series.get(s).size()) {
                throw new IllegalArgumentException(series.get(s).symbol() + " has " + series.get(s).size() + " bars but " + values.length(s) + " values");
            }
            rows[s] = s;
            blocks.add(values);
        }
        return new RunOutput(specs, synthetic, List.copyOf(series), blocks, rows);
    }

    /** No symbols: what a run keeps when none could be computed. */
    public static RunOutput empty(List<? extends Indicator> indicators, boolean synthetic) {
        return of(indicators, synthetic, List.of(), null);
    }

    /**
     * The outputs one after the other (the parts of a run, in order).
     *
     * @throws IllegalArgumentException if they differ in indicators or in being synthetic
     */
    public static RunOutput concat(List<RunOutput> parts, List<? extends Indicator> indicators, boolean synthetic) {
        List<Indicator> specs = List.copyOf(indicators);
        List<BarSeries> series = new ArrayList<>();
        List<IndicatorValues> blocks = new ArrayList<>();
        int n = 0;
        for (RunOutput p : parts) n += p.size();
        int[] rows = new int[n];
        for (RunOutput p : parts) {
            if (!p.indicators.equals(specs) || p.synthetic != synthetic) throw new IllegalArgumentException("parts of different runs");
            for (int i = 0; i < p.size(); i++) {
                rows[series.size()] = p.rows[i];
                series.add(p.series.get(i));
                blocks.add(p.blocks.get(i));
            }
        }
        return new RunOutput(specs, synthetic, List.copyOf(series), List.copyOf(blocks), rows);
    }

    /**
     * Whether the bars are made up (a synthetic source), not market data: every sink says so — tables with a last
     * column {@code source} of {@code synthetic}, charts in their titles.
     */
    public boolean isSynthetic() { return synthetic; }

    public List<Indicator> indicators() { return indicators; }

    /** The indicator output columns, in order. */
    public List<String> columns() { return columns; }

    /** Number of symbols with results. */
    public int size() { return series.size(); }

    /** Rows over all symbols: one per symbol and date. */
    public long rows() {
        long n = 0;
        for (BarSeries s : series) n += s.size();
        return n;
    }

    /** The bars of the {@code i}-th symbol with results. */
    public BarSeries series(int i) { return series.get(i); }

    /** Index of a symbol in this output, or -1. */
    public int indexOf(String symbol) {
        Integer i = bySymbol.get(symbol);
        return i == null ? -1 : i;
    }

    /** Value of output column {@code column} for symbol {@code i} at bar {@code t}. */
    public double value(int i, int column, int t) {
        return blocks.get(i).get(column, rows[i], t);
    }

    /**
     * The storage of output column {@code column} that holds symbol {@code i}'s values, not a copy: bar {@code t}
     * is at index {@link #offset offset(i)} {@code + t}. For writers that bind arrays; callers must not modify it.
     */
    public double[] data(int i, int column) {
        return blocks.get(i).data(column);
    }

    /** Where symbol {@code i}'s values start in its {@link #data} arrays. */
    public int offset(int i) {
        return rows[i] * blocks.get(i).barCount();
    }

    /** A copy of one output column of symbol {@code i}, as long as its series. */
    public double[] values(int i, String column) {
        return blocks.get(i).series(column, rows[i]);
    }

    /** A copy of one output column of a symbol. */
    public double[] values(String symbol, String column) {
        int i = indexOf(symbol);
        if (i < 0) throw new IllegalArgumentException("no results for " + symbol);
        return values(i, column);
    }
}
