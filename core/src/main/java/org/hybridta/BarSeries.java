package org.hybridta;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * Daily bars of one symbol in columnar form: one {@code double[]} per field and the trading dates as
 * epoch days. No per-bar objects exist, so a series of a million bars is seven arrays.
 *
 * <p>Instances are immutable: the factory copies its inputs and the accessors return copies. Dates are
 * strictly increasing; prices are finite; volume is finite and not negative.
 */
public final class BarSeries {
    private final String symbol;
    private final int[] days;
    private final double[] open, high, low, close, adjClose, volume;

    private BarSeries(String symbol, int[] days, double[] open, double[] high, double[] low,
                      double[] close, double[] adjClose, double[] volume) {
        this.symbol = symbol;
        this.days = days;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.adjClose = adjClose;
        this.volume = volume;
    }

    /**
     * Creates a series, copying every array.
     *
     * @param days     trading dates as {@link LocalDate#toEpochDay() epoch days}, strictly increasing
     * @param adjClose adjusted close, or {@code null} to use {@code close}
     * @throws IllegalArgumentException naming the symbol, the field and the index of the first bad value
     */
    public static BarSeries of(String symbol, int[] days, double[] open, double[] high, double[] low,
                               double[] close, double[] adjClose, double[] volume) {
        Objects.requireNonNull(symbol, "symbol");
        if (symbol.isBlank()) throw new IllegalArgumentException("symbol must not be blank");
        int n = Objects.requireNonNull(days, "days").length;
        requireLength(symbol, "open", open, n);
        requireLength(symbol, "high", high, n);
        requireLength(symbol, "low", low, n);
        requireLength(symbol, "close", close, n);
        requireLength(symbol, "volume", volume, n);
        if (adjClose != null) requireLength(symbol, "adj_close", adjClose, n);
        for (int i = 1; i < n; i++) {
            if (days[i] <= days[i - 1]) {
                throw new IllegalArgumentException(symbol + ": dates must be strictly increasing, but "
                        + LocalDate.ofEpochDay(days[i]) + " (bar " + i + ") follows " + LocalDate.ofEpochDay(days[i - 1]));
            }
        }
        requireFinite(symbol, "open", open);
        requireFinite(symbol, "high", high);
        requireFinite(symbol, "low", low);
        requireFinite(symbol, "close", close);
        requireFinite(symbol, "volume", volume);
        for (int i = 0; i < n; i++) {
            if (volume[i] < 0) throw new IllegalArgumentException(symbol + ": volume is negative at " + LocalDate.ofEpochDay(days[i]));
        }
        double[] adj = adjClose == null ? close : adjClose;
        requireFinite(symbol, "adj_close", adj);
        return new BarSeries(symbol, days.clone(), open.clone(), high.clone(), low.clone(), close.clone(),
                adj.clone(), volume.clone());
    }

    /** Like {@link #of(String, int[], double[], double[], double[], double[], double[], double[])} with dates as {@link LocalDate}s. */
    public static BarSeries of(String symbol, LocalDate[] dates, double[] open, double[] high, double[] low,
                               double[] close, double[] adjClose, double[] volume) {
        int[] days = new int[Objects.requireNonNull(dates, "dates").length];
        for (int i = 0; i < days.length; i++) days[i] = Math.toIntExact(dates[i].toEpochDay());
        return of(symbol, days, open, high, low, close, adjClose, volume);
    }

    private static void requireLength(String symbol, String field, double[] values, int n) {
        Objects.requireNonNull(values, field);
        if (values.length != n) {
            throw new IllegalArgumentException(symbol + ": " + field + " has " + values.length + " values but there are " + n + " dates");
        }
    }

    private static void requireFinite(String symbol, String field, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(symbol + ": " + field + " is not a finite number at bar " + i + " (" + values[i] + ")");
            }
        }
    }

    public String symbol() { return symbol; }

    /** Number of bars. */
    public int size() { return days.length; }

    public boolean isEmpty() { return days.length == 0; }

    /** Date of bar {@code i}. */
    public LocalDate date(int i) { return LocalDate.ofEpochDay(days[i]); }

    /** The dates as epoch days (a copy). */
    public int[] epochDays() { return days.clone(); }

    /** Epoch day of bar {@code i}, without creating a {@link LocalDate}. */
    public int epochDay(int i) { return days[i]; }

    public double[] open() { return open.clone(); }
    public double[] high() { return high.clone(); }
    public double[] low() { return low.clone(); }
    public double[] close() { return close.clone(); }
    public double[] adjClose() { return adjClose.clone(); }
    public double[] volume() { return volume.clone(); }

    /** A copy of one field. */
    public double[] values(Field field) { return raw(field).clone(); }

    /** Value of {@code field} at bar {@code i}. */
    public double get(Field field, int i) { return raw(field)[i]; }

    /** Copies bars {@code [0, size())} of {@code field} into {@code dst} at {@code offset}. */
    public void copyTo(Field field, double[] dst, int offset) {
        System.arraycopy(raw(field), 0, dst, offset, days.length);
    }

    private double[] raw(Field field) {
        return switch (field) {
            case OPEN -> open;
            case HIGH -> high;
            case LOW -> low;
            case CLOSE -> close;
            case ADJ_CLOSE -> adjClose;
            case VOLUME -> volume;
        };
    }

    /** How many bars lie before {@code date}: the index of the first bar on or after it. */
    public int countBefore(LocalDate date) {
        int i = Arrays.binarySearch(days, Math.toIntExact(date.toEpochDay()));
        return i >= 0 ? i : -i - 1;
    }

    /** The bars whose dates lie in {@code [from, to)}, as a new series. */
    public BarSeries between(LocalDate from, LocalDate to) {
        long lo = from.toEpochDay(), hi = to.toEpochDay();
        int a = 0;
        while (a < days.length && days[a] < lo) a++;
        int b = a;
        while (b < days.length && days[b] < hi) b++;
        return new BarSeries(symbol, Arrays.copyOfRange(days, a, b), Arrays.copyOfRange(open, a, b),
                Arrays.copyOfRange(high, a, b), Arrays.copyOfRange(low, a, b), Arrays.copyOfRange(close, a, b),
                Arrays.copyOfRange(adjClose, a, b), Arrays.copyOfRange(volume, a, b));
    }

    @Override public boolean equals(Object o) {
        return o instanceof BarSeries b && symbol.equals(b.symbol) && Arrays.equals(days, b.days)
                && Arrays.equals(open, b.open) && Arrays.equals(high, b.high) && Arrays.equals(low, b.low)
                && Arrays.equals(close, b.close) && Arrays.equals(adjClose, b.adjClose) && Arrays.equals(volume, b.volume);
    }

    @Override public int hashCode() {
        return Objects.hash(symbol, Arrays.hashCode(days), Arrays.hashCode(close));
    }

    @Override public String toString() {
        return days.length == 0 ? "BarSeries[" + symbol + ", empty]"
                : "BarSeries[" + symbol + ", " + days.length + " bars, " + date(0) + ".." + date(days.length - 1) + "]";
    }
}
