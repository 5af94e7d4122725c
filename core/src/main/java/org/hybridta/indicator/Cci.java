package org.hybridta.indicator;

import java.util.List;
import java.util.Set;
import org.hybridta.Field;

/**
 * Commodity channel index: {@code (tp - SMA(tp)) / (0.015 * mean deviation)} of the typical price {@code (h + l + c) / 3}; 0 when the mean deviation is 0. Lookback {@code period - 1}.
 *
 * @param period number of bars, in [2, 100000]
 */
public record Cci(int period) implements Indicator {
    public Cci {
        Params.period("cci", "period", period, 2);
    }

    @Override public String name() { return "cci"; }

    @Override public String spec() { return "cci:" + period; }

    @Override public List<Output> outputs() { return List.of(new Output(column(), period - 1)); }

    @Override public Set<Field> inputs() { return Set.of(Field.HIGH, Field.LOW, Field.CLOSE); }
}
