package org.hybridta.indicator;

import java.util.List;
import java.util.Set;
import org.hybridta.Field;

/**
 * Bollinger bands: the middle band is the SMA of the close over {@code period} bars, the upper and lower
 * bands are {@code k} population standard deviations above and below it (TA-Lib with
 * {@code nbDevUp = nbDevDn = k} and a simple moving average).
 *
 * @param period number of bars, in [2, 100000]
 * @param k      width in standard deviations, finite and greater than 0
 */
public record Bbands(int period, double k) implements Indicator {
    public Bbands {
        Params.period("bbands", "period", period, 2);
        if (!(k > 0) || !Double.isFinite(k)) {
            throw new IllegalArgumentException("bbands: k (standard deviations) must be a finite number > 0, was " + k);
        }
    }

    @Override public String name() { return "bbands"; }

    @Override public String spec() { return "bbands:" + period + ":" + Params.number(k); }

    @Override public List<Output> outputs() {
        int lb = period - 1;
        return List.of(new Output(column() + "_upper", lb), new Output(column() + "_middle", lb), new Output(column() + "_lower", lb));
    }

    @Override public Set<Field> inputs() { return Set.of(Field.CLOSE); }
}
