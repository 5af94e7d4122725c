package org.hybridta.indicator;

import java.util.List;
import java.util.Set;
import org.hybridta.Field;

/**
 * TA-Lib's slow stochastic: fast %K is {@code 100 * (close - lowest low) / (highest high - lowest low)}
 * over {@code fastK} bars (0 when the range is 0); slow %K is its SMA over {@code slowK} bars, and %D
 * the SMA of slow %K over {@code slowD} bars. Both outputs, in [0, 100], start together at bar
 * {@code (fastK - 1) + (slowK - 1) + (slowD - 1)}.
 *
 * @param fastK  bars of the high-low range, in [1, 100000]
 * @param slowK  smoothing of %K, in [1, 100000]
 * @param slowD  smoothing of %D, in [1, 100000]
 */
public record Stoch(int fastK, int slowK, int slowD) implements Indicator {
    public Stoch {
        Params.period("stoch", "fast %K period", fastK, 1);
        Params.period("stoch", "slow %K period", slowK, 1);
        Params.period("stoch", "slow %D period", slowD, 1);
    }

    @Override public String name() { return "stoch"; }

    @Override public String spec() { return "stoch:" + fastK + ":" + slowK + ":" + slowD; }

    @Override public List<Output> outputs() {
        int lb = (fastK - 1) + (slowK - 1) + (slowD - 1);
        return List.of(new Output(column() + "_k", lb), new Output(column() + "_d", lb));
    }

    @Override public Set<Field> inputs() { return Set.of(Field.HIGH, Field.LOW, Field.CLOSE); }
}
