package org.hybridta.indicator;

import java.util.List;
import java.util.Set;
import org.hybridta.Field;

/**
 * Average directional index with its directional indicators, Wilder-smoothed as TA-Lib computes them:
 * {@code +DI} and {@code -DI} (outputs {@code _plus_di}, {@code _minus_di}) start at bar {@code period},
 * ADX (the Wilder average of DX) at bar {@code 2 * period - 1}.
 *
 * @param period number of bars, in [2, 100000]
 */
public record Adx(int period) implements Indicator {
    public Adx {
        Params.period("adx", "period", period, 2);
    }

    @Override public String name() { return "adx"; }

    @Override public String spec() { return "adx:" + period; }

    @Override public List<Output> outputs() {
        return List.of(new Output(column(), 2 * period - 1), new Output(column() + "_plus_di", period),
                new Output(column() + "_minus_di", period));
    }

    @Override public Set<Field> inputs() { return Set.of(Field.HIGH, Field.LOW, Field.CLOSE); }
}
