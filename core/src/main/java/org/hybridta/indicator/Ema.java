package org.hybridta.indicator;

import java.util.List;
import java.util.Set;
import org.hybridta.Field;

/**
 * Exponential moving average of the close, {@code k = 2 / (period + 1)}, seeded with the SMA of the first {@code period} closes (TA-Lib classic). Lookback {@code period - 1}.
 *
 * @param period number of bars, in [2, 100000]
 */
public record Ema(int period) implements Indicator {
    public Ema {
        Params.period("ema", "period", period, 2);
    }

    @Override public String name() { return "ema"; }

    @Override public String spec() { return "ema:" + period; }

    @Override public List<Output> outputs() { return List.of(new Output(column(), period - 1)); }

    @Override public Set<Field> inputs() { return Set.of(Field.CLOSE); }
}
