package org.hybridta.sweep;

import java.util.List;
import java.util.Objects;

/**
 * The series a {@link Screen} matched, in panel order, each with the values of the screen's
 * {@link Screen#operands() operands} at the bar it was evaluated on.
 */
public record ScreenResult(Screen screen, List<Match> matches) {
    public ScreenResult {
        Objects.requireNonNull(screen, "screen");
        matches = List.copyOf(matches);
    }

    /**
     * One matching series.
     *
     * @param series its index in the panel
     * @param symbol its symbol
     * @param bar    the bar evaluated
     * @param values the operands' values there, in the order of {@link Screen#operands()}
     */
    public record Match(int series, String symbol, int bar, double[] values) {
        public Match {
            Objects.requireNonNull(symbol, "symbol");
            values = values.clone();
        }

        @Override public double[] values() { return values.clone(); }

        /** The value of operand {@code i}. */
        public double value(int i) { return values[i]; }
    }
}
