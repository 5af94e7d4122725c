package org.hybridta.indicator;

import java.util.List;
import java.util.Set;
import org.hybridta.Field;

/**
 * Double EMA: {@code 2 * EMA - EMA(EMA)}, each EMA seeded as in {@link Ema}. Lookback {@code 2 * (period - 1)}.
 *
 * @param period number of bars, in [2, 100000]
 */
public record Dema(int period) implements Indicator {
    public Dema {
        Params.period("dema", "period", period, 2);
    }

    @Override public String name() { return "dema"; }

    @Override public String spec() { return "dema:" + period; }

    @Override public List<Output> outputs() { return List.of(new Output(column(), 2 * (period - 1))); }

    @Override public Set<Field> inputs() { return Set.of(Field.CLOSE); }
}
