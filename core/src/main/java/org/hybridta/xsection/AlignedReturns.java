package org.hybridta.xsection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hybridta.BarSeries;
import org.hybridta.Field;

/**
 * Daily returns of many symbols on one calendar: {@code get(s, t)} is symbol {@code s}'s return on day {@code t}, or
 * NaN where it has none. The input of a cross-sectional analysis ({@link CrossSection#analyze}).
 *
 * <p>{@link #align} builds it from bars. The calendar is the union of the series' trading dates (for one
 * exchange: its trading days, one-off closures included, which no rule-based holiday calendar knows); a
 * symbol's return on a calendar day needs its close on that day and on the calendar day before, so a day it
 * did not trade costs it that day's return and the next one's (a return across a gap would mix several days
 * into one). The first calendar day has no return: the calendar of returns starts on the second.
 *
 * <p>Immutable. Values are held series-major in one array ({@code values[s * days + t]}).
 */
public final class AlignedReturns {
    private final List<String> symbols;
    private final int[] days;
    private final double[] values;

    private AlignedReturns(List<String> symbols, int[] days, double[] values) {
        this.symbols = symbols;
        this.days = days;
        this.values = values;
    }

    /**
     * Returns given directly, one row per symbol.
     *
     * @param dates the date of each column, strictly increasing
     * @param rows  one array per symbol, each as long as {@code dates}; NaN where the symbol has no return
     * @throws IllegalArgumentException naming a duplicate symbol, a row of the wrong length, an infinite value or
     *                                  dates out of order
     */
    public static AlignedReturns of(List<String> symbols, List<LocalDate> dates, List<double[]> rows) {
        Objects.requireNonNull(symbols, "symbols");
        Objects.requireNonNull(dates, "dates");
        Objects.requireNonNull(rows, "rows");
        if (rows.size() != symbols.size()) {
            throw new IllegalArgumentException(symbols.size() + " symbols but " + rows.size() + " rows of returns");
        }
        int t = dates.size();
        int[] days = new int[t];
        for (int i = 0; i < t; i++) {
            days[i] = Math.toIntExact(dates.get(i).toEpochDay());
            if (i > 0 && days[i] <= days[i - 1]) {
                throw new IllegalArgumentException("dates must be strictly increasing, but " + dates.get(i) + " follows " + dates.get(i - 1));
            }
        }
        double[] values = new double[Math.multiplyExact(symbols.size(), t)];
        for (int s = 0; s < symbols.size(); s++) {
            double[] row = rows.get(s);
            if (row.length != t) {
                throw new IllegalArgumentException(symbols.get(s) + ": " + row.length + " returns but " + t + " dates");
            }
            for (int i = 0; i < t; i++) {
                if (Double.isInfinite(row[i])) {
                    throw new IllegalArgumentException(symbols.get(s) + ": the return on " + dates.get(i) + " is infinite");
                }
            }
            System.arraycopy(row, 0, values, s * t, t);
        }
        return new AlignedReturns(checkedSymbols(symbols), days, values);
    }

    /**
     * Aligns the series on their common calendar (see the class documentation) and computes their returns from
     * {@code field}.
     *
     * @throws IllegalArgumentException for two series of one symbol, or (log returns) a price that is not positive,
     *                                  naming the symbol and the date
     */
    public static AlignedReturns align(List<BarSeries> series, Field field, ReturnKind kind) {
        List<String> symbols = new ArrayList<>(series.size());
        for (BarSeries s : series) symbols.add(s.symbol());
        checkedSymbols(symbols);
        int[] calendar = calendar(series);
        int t = Math.max(0, calendar.length - 1);
        double[] values = new double[Math.multiplyExact(series.size(), t)];
        Arrays.fill(values, Double.NaN);
        for (int s = 0; s < series.size(); s++) {
            BarSeries bars = series.get(s);
            double[] price = bars.values(field);
            int c = 0;   // calendar index of the series' bar b
            for (int b = 0; b < bars.size(); b++) {
                int day = bars.epochDay(b);
                while (calendar[c] != day) c++;
                if (kind == ReturnKind.LOG && !(price[b] > 0)) {
                    throw new IllegalArgumentException(bars.symbol() + ": " + field.columnName() + " is " + price[b] + " on " + bars.date(b)
                            + ": log returns need positive prices (use simple returns)");
                }
                // a return needs this bar and the bar of the calendar day before
                if (b > 0 && c > 0 && bars.epochDay(b - 1) == calendar[c - 1]) {
                    values[s * t + c - 1] = kind.of(price[b - 1], price[b]);
                }
            }
        }
        return new AlignedReturns(List.copyOf(symbols), t == 0 ? new int[0] : Arrays.copyOfRange(calendar, 1, calendar.length), values);
    }

    private static int[] calendar(List<BarSeries> series) {
        int total = 0;
        for (BarSeries s : series) total += s.size();
        int[] all = new int[total];
        int k = 0;
        for (BarSeries s : series) for (int i = 0; i < s.size(); i++) all[k++] = s.epochDay(i);
        Arrays.sort(all);
        int u = 0;
        for (int i = 0; i < all.length; i++) if (u == 0 || all[i] != all[u - 1]) all[u++] = all[i];
        return Arrays.copyOf(all, u);
    }

    private static List<String> checkedSymbols(List<String> symbols) {
        Set<String> seen = new HashSet<>();
        for (String s : symbols) {
            if (!seen.add(Objects.requireNonNull(s, "symbol"))) throw new IllegalArgumentException("symbol " + s + " is given twice");
        }
        return List.copyOf(symbols);
    }

    /** The symbols, one per row. */
    public List<String> symbols() { return symbols; }

    /** Number of symbols. */
    public int size() { return symbols.size(); }

    /** Number of days (columns). */
    public int days() { return days.length; }

    /** The date of day {@code t}. */
    public LocalDate date(int t) { return LocalDate.ofEpochDay(days[t]); }

    /** Symbol {@code s}'s return on day {@code t}, NaN when it has none. */
    public double get(int s, int t) { return values[s * days.length + t]; }

    /** A copy of symbol {@code s}'s returns. */
    public double[] row(int s) { return Arrays.copyOfRange(values, s * days.length, (s + 1) * days.length); }

    /** The index of {@code symbol}, or -1. */
    public int indexOf(String symbol) { return symbols.indexOf(symbol); }

    /** The days {@code [from, to)} of every symbol, as new returns. */
    public AlignedReturns slice(int from, int to) {
        Objects.checkFromToIndex(from, to, days.length);
        int t = to - from;
        double[] v = new double[symbols.size() * t];
        for (int s = 0; s < symbols.size(); s++) System.arraycopy(values, s * days.length + from, v, s * t, t);
        return new AlignedReturns(symbols, Arrays.copyOfRange(days, from, to), v);
    }

    /** The first {@code count} symbols' rows, on the same days. */
    AlignedReturns head(int count) {
        Objects.checkFromToIndex(0, count, symbols.size());
        return new AlignedReturns(symbols.subList(0, count), days, Arrays.copyOf(values, count * days.length));
    }

    /** The rows {@code keep} (ascending indices), on the same days. */
    AlignedReturns rows(List<Integer> keep) {
        List<String> s = new ArrayList<>(keep.size());
        double[] v = new double[keep.size() * days.length];
        for (int k = 0; k < keep.size(); k++) {
            s.add(symbols.get(keep.get(k)));
            System.arraycopy(values, keep.get(k) * days.length, v, k * days.length, days.length);
        }
        return new AlignedReturns(List.copyOf(s), days, v);
    }

    /** The values, series-major; not copied (package-private: callers must not change them). */
    double[] values() { return values; }

    @Override public String toString() {
        return "AlignedReturns[" + symbols.size() + " symbols, " + days.length + " days"
                + (days.length == 0 ? "" : ", " + date(0) + ".." + date(days.length - 1)) + "]";
    }
}
