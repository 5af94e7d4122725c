package org.hybridta.indicator;

import java.util.List;
import java.util.Set;
import org.hybridta.Field;

/**
 * Money flow index over {@code period} bars of typical price times volume, in [0, 100]; 0 when there is no money flow. Lookback {@code period}.
 *
 * @param period number of bars, in [2, 100000]
 */
public record Mfi(int period) implements Indicator {
    public Mfi {
        Params.period("mfi", "period", period, 2);
    }

    @Override public String name() { return "mfi"; }

    @Override public String spec() { return "mfi:" + period; }

    @Override public List<Output> outputs() { return List.of(new Output(column(), period)); }

    @Override public Set<Field> inputs() { return Set.of(Field.HIGH, Field.LOW, Field.CLOSE, Field.VOLUME); }
}
