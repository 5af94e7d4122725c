package org.hybridta.stream;

import java.util.Arrays;
import java.util.Objects;
import org.hybridta.Field;

/**
 * One tick of a {@link UniverseStream}: a bar per symbol, as one array per field indexed like the stream's symbols.
 * A symbol that did not trade in this tick has a {@code NaN} close: its state stays as it was (it skipped the
 * tick), and a symbol whose first bar comes in a later tick simply joins then.
 *
 * <p>A tick either wraps the caller's arrays ({@link #wrap}: no copy; the stream reads them during
 * {@link UniverseStream#tick} only, so the caller may refill them for the next tick) or owns arrays filled through
 * {@link #set} after {@link #clear}.
 */
public final class Tick {
    private final double[] open, high, low, close, adjClose, volume;

    private Tick(double[] open, double[] high, double[] low, double[] close, double[] adjClose, double[] volume) {
        int n = close.length;
        for (double[] a : new double[][] {open, high, low, adjClose, volume}) {
            if (a.length != n) throw new IllegalArgumentException("a tick's arrays must all have one value per symbol: " + a.length + " values, but " + n + " closes");
        }
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.adjClose = adjClose;
        this.volume = volume;
    }

    /** A tick of {@code symbols} symbols, none of which traded yet (fill it with {@link #set}). */
    public static Tick allocate(int symbols) {
        double[][] a = new double[6][symbols];
        Tick t = new Tick(a[0], a[1], a[2], a[3], a[4], a[5]);
        t.clear();
        return t;
    }

    /** Wraps the caller's arrays, one value per symbol (not copied); the adjusted close is the close. */
    public static Tick wrap(double[] open, double[] high, double[] low, double[] close, double[] volume) {
        return wrap(open, high, low, close, close, volume);
    }

    /** Wraps the caller's arrays, one value per symbol (not copied). */
    public static Tick wrap(double[] open, double[] high, double[] low, double[] close, double[] adjClose, double[] volume) {
        return new Tick(Objects.requireNonNull(open, "open"), Objects.requireNonNull(high, "high"), Objects.requireNonNull(low, "low"),
                Objects.requireNonNull(close, "close"), Objects.requireNonNull(adjClose, "adjClose"), Objects.requireNonNull(volume, "volume"));
    }

    /** Marks every symbol as not trading in this tick (a {@code NaN} close). */
    public Tick clear() {
        Arrays.fill(close, Double.NaN);
        return this;
    }

    /** Sets the bar of one symbol. */
    public Tick set(int symbol, Bar bar) {
        open[symbol] = bar.open();
        high[symbol] = bar.high();
        low[symbol] = bar.low();
        close[symbol] = bar.close();
        if (adjClose != close) adjClose[symbol] = bar.adjClose();
        volume[symbol] = bar.volume();
        return this;
    }

    /** The number of symbols. */
    public int size() { return close.length; }

    /** Whether {@code symbol} traded in this tick (its close is not {@code NaN}). */
    public boolean has(int symbol) { return close[symbol] == close[symbol]; }

    /** The bar of one symbol. */
    public Bar bar(int symbol) {
        return new Bar(open[symbol], high[symbol], low[symbol], close[symbol], adjClose[symbol], volume[symbol]);
    }

    /** The array of one field, by symbol: the tick's own (or the wrapped caller's) array, not a copy. */
    public double[] values(Field field) {
        return switch (field) {
            case OPEN -> open;
            case HIGH -> high;
            case LOW -> low;
            case CLOSE -> close;
            case ADJ_CLOSE -> adjClose;
            case VOLUME -> volume;
        };
    }
}
