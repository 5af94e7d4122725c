package org.hybridta.indicator;

import java.util.List;
import java.util.Set;
import org.hybridta.Field;

/**
 * Williams' %R: {@code -100 * (highest high - close) / (highest high - lowest low)} over {@code period} bars, in [-100, 0]; 0 when the range is 0. Lookback {@code period - 1}.
 *
 * @param period number of bars, in [2, 100000]
 */
public record Willr(int period) implements Indicator {
    public Willr {
        Params.period("willr", "period", period, 2);
    }

    @Override public String name() { return "willr"; }

    @Override public String spec() { return "willr:" + period; }

    @Override public List<Output> outputs() { return List.of(new Output(column(), period - 1)); }

    @Override public Set<Field> inputs() { return Set.of(Field.HIGH, Field.LOW, Field.CLOSE); }
}
