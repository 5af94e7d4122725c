package org.hybridta.indicator;

import java.util.List;
import java.util.Set;
import org.hybridta.Field;

/**
 * Simple moving average of the close over {@code period} bars. Lookback {@code period - 1}.
 *
 * @param period number of bars, in [2, 100000]
 */
public record Sma(int period) implements Indicator {
    public Sma {
        Params.period("sma", "period", period, 2);
    }

    @Override public String name() { return "sma"; }

    @Override public String spec() { return "sma:" + period; }

    @Override public List<Output> outputs() { return List.of(new Output(column(), period - 1)); }

    @Override public Set<Field> inputs() { return Set.of(Field.CLOSE); }
}
