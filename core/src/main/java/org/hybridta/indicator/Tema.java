package org.hybridta.indicator;

import java.util.List;
import java.util.Set;
import org.hybridta.Field;

/**
 * Triple EMA: {@code 3 * EMA1 - 3 * EMA2 + EMA3}, each EMA seeded as in {@link Ema}. Lookback {@code 3 * (period - 1)}.
 *
 * @param period number of bars, in [2, 100000]
 */
public record Tema(int period) implements Indicator {
    public Tema {
        Params.period("tema", "period", period, 2);
    }

    @Override public String name() { return "tema"; }

    @Override public String spec() { return "tema:" + period; }

    @Override public List<Output> outputs() { return List.of(new Output(column(), 3 * (period - 1))); }

    @Override public Set<Field> inputs() { return Set.of(Field.CLOSE); }
}
