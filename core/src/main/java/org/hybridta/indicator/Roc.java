package org.hybridta.indicator;

import java.util.List;
import java.util.Set;
import org.hybridta.Field;

/**
 * Rate of change in percent: {@code 100 * (close / close[t - period] - 1)}; 0 when the earlier close is 0. Lookback {@code period}.
 *
 * @param period number of bars, in [1, 100000]
 */
public record Roc(int period) implements Indicator {
    public Roc {
        Params.period("roc", "period", period, 1);
    }

    @Override public String name() { return "roc"; }

    @Override public String spec() { return "roc:" + period; }

    @Override public List<Output> outputs() { return List.of(new Output(column(), period)); }

    @Override public Set<Field> inputs() { return Set.of(Field.CLOSE); }
}
