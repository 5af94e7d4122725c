package org.hybridta.indicator;

import java.util.List;
import java.util.Set;
import org.hybridta.Field;

/**
 * Linearly weighted moving average of the close (weights {@code 1..period}, newest heaviest). Lookback {@code period - 1}.
 *
 * @param period number of bars, in [2, 100000]
 */
public record Wma(int period) implements Indicator {
    public Wma {
        Params.period("wma", "period", period, 2);
    }

    @Override public String name() { return "wma"; }

    @Override public String spec() { return "wma:" + period; }

    @Override public List<Output> outputs() { return List.of(new Output(column(), period - 1)); }

    @Override public Set<Field> inputs() { return Set.of(Field.CLOSE); }
}
