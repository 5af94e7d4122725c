package org.hybridta.indicator;

import java.util.List;
import java.util.Set;
import org.hybridta.Field;

/**
 * Momentum: {@code close - close[t - period]}. Lookback {@code period}.
 *
 * @param period number of bars, in [1, 100000]
 */
public record Mom(int period) implements Indicator {
    public Mom {
        Params.period("mom", "period", period, 1);
    }

    @Override public String name() { return "mom"; }

    @Override public String spec() { return "mom:" + period; }

    @Override public List<Output> outputs() { return List.of(new Output(column(), period)); }

    @Override public Set<Field> inputs() { return Set.of(Field.CLOSE); }
}
