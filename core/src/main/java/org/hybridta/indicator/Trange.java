package org.hybridta.indicator;

import java.util.List;
import java.util.Set;
import org.hybridta.Field;

/** True range: {@code max(high, previous close) - min(low, previous close)}. Lookback 1. */
public record Trange() implements Indicator {
    @Override public String name() { return "trange"; }

    @Override public String spec() { return "trange"; }

    @Override public List<Output> outputs() { return List.of(new Output(column(), 1)); }

    @Override public Set<Field> inputs() { return Set.of(Field.HIGH, Field.LOW, Field.CLOSE); }
}
