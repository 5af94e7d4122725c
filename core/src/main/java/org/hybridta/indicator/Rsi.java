package org.hybridta.indicator;

import java.util.List;
import java.util.Set;
import org.hybridta.Field;

/**
 * Relative strength index with Wilder smoothing seeded by the simple average of the first {@code period} gains and losses (TA-Lib classic), in [0, 100]. Lookback {@code period}.
 *
 * @param period number of bars, in [2, 100000]
 */
public record Rsi(int period) implements Indicator {
    public Rsi {
        Params.period("rsi", "period", period, 2);
    }

    @Override public String name() { return "rsi"; }

    @Override public String spec() { return "rsi:" + period; }

    @Override public List<Output> outputs() { return List.of(new Output(column(), period)); }

    @Override public Set<Field> inputs() { return Set.of(Field.CLOSE); }
}
