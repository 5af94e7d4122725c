package org.hybridta.stream;

import java.util.List;
import org.hybridta.indicator.Output;

/**
 * The values of one tick of a {@link UniverseStream}: one array per output column, indexed by symbol. A symbol that
 * did not trade in the tick has {@code NaN} in every column. The arrays are the stream's buffers, overwritten by its
 * next tick: copy what must outlive it.
 */
public final class TickValues {
    private final List<Output> outputs;
    private final double[][] columns;

    private TickValues(List<Output> outputs, int symbols) {
        this.outputs = List.copyOf(outputs);
        this.columns = new double[this.outputs.size()][symbols];
    }

    /** Buffers for {@code symbols} symbols and these output columns (a universe stream's implementation allocates them once). */
    public static TickValues allocate(List<Output> outputs, int symbols) {
        return new TickValues(outputs, symbols);
    }

    /** The output columns, in order. */
    public List<Output> outputs() { return outputs; }

    /** The number of output columns. */
    public int width() { return columns.length; }

    /** The number of symbols. */
    public int symbols() { return columns.length == 0 ? 0 : columns[0].length; }

    /** The value of one output column for one symbol. */
    public double get(int symbol, int column) { return columns[column][symbol]; }

    /**
     * The values of one output column by symbol: the buffer itself, which the stream's implementation fills and the
     * next tick overwrites.
     */
    public double[] column(int column) { return columns[column]; }

    /** Copies one symbol's values, column by column, into {@code dst[0, width())}. */
    public void row(int symbol, double[] dst) {
        for (int c = 0; c < columns.length; c++) dst[c] = columns[c][symbol];
    }
}
