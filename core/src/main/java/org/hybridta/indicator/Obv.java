package org.hybridta.indicator;

import java.util.List;
import java.util.Set;
import org.hybridta.Field;

/**
 * On-balance volume: starts at the first bar's volume, then adds the volume on an up close and
 * subtracts it on a down close (TA-Lib). Lookback 0.
 */
public record Obv() implements Indicator {
    @Override public String name() { return "obv"; }

    @Override public String spec() { return "obv"; }

    @Override public List<Output> outputs() { return List.of(new Output(column(), 0)); }

    @Override public Set<Field> inputs() { return Set.of(Field.CLOSE, Field.VOLUME); }
}
