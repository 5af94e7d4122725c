package org.hybridta.indicator;

import java.util.List;
import java.util.Set;
import org.hybridta.Field;

/**
 * Moving average convergence/divergence as TA-Lib computes it: the line {@code EMA(fast) - EMA(slow)},
 * the signal {@code EMA(signal)} of the line, and the histogram {@code line - signal}. As in TA-Lib, both
 * EMAs of the close are seeded so that their first values fall on bar {@code slow - 1}, and all three
 * outputs start together at bar {@code (slow - 1) + (signal - 1)}.
 *
 * @param fast   fast EMA period, in [2, 100000], less than {@code slow}
 * @param slow   slow EMA period, in [2, 100000]
 * @param signal signal EMA period, in [2, 100000]: TA-Lib documents 1 as valid, but its MACD then asks for
 *               an EMA of period 1, which it does not compute (the Java port throws), so 1 has no reference value
 */
public record Macd(int fast, int slow, int signal) implements Indicator {
    public Macd {
        Params.period("macd", "fast period", fast, 2);
        Params.period("macd", "slow period", slow, 2);
        Params.period("macd", "signal period", signal, 2);
        if (fast >= slow) {
            throw new IllegalArgumentException("macd: fast period (" + fast + ") must be less than slow period (" + slow + ")");
        }
    }

    @Override public String name() { return "macd"; }

    @Override public String spec() { return "macd:" + fast + ":" + slow + ":" + signal; }

    @Override public List<Output> outputs() {
        int lb = (slow - 1) + (signal - 1);
        return List.of(new Output(column(), lb), new Output(column() + "_signal", lb), new Output(column() + "_hist", lb));
    }

    @Override public Set<Field> inputs() { return Set.of(Field.CLOSE); }
}
