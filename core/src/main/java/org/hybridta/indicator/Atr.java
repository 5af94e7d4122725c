package org.hybridta.indicator;

import java.util.List;
import java.util.Set;
import org.hybridta.Field;

/**
 * Average true range: Wilder smoothing of the true range, seeded with the SMA of the first {@code period} true ranges. Lookback {@code period}.
 *
 * @param period number of bars, in [1, 100000]
 */
public record Atr(int period) implements Indicator {
    public Atr {
        Params.period("atr", "period", period, 1);
    }

    @Override public String name() { return "atr"; }

    @Override public String spec() { return "atr:" + period; }

    @Override public List<Output> outputs() { return List.of(new Output(column(), period)); }

    @Override public Set<Field> inputs() { return Set.of(Field.HIGH, Field.LOW, Field.CLOSE); }
}
