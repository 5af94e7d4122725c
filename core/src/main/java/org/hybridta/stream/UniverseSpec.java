package org.hybridta.stream;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hybridta.BarSeries;
import org.hybridta.indicator.Indicator;

/**
 * What a {@link UniverseStreamProvider} opens a stream for, as built by {@link UniverseStreams#builder()}.
 *
 * @param symbols    the symbols, unique, in the order of the ticks' arrays
 * @param indicators the indicators, at least one
 * @param threads    how many threads a CPU implementation may use (at least 1)
 * @param device     the device ordinal a GPU implementation computes on
 * @param history    past bars of some symbols (by symbol) to seed their states with before the first tick
 */
public record UniverseSpec(List<String> symbols, List<Indicator> indicators, int threads, int device, Map<String, BarSeries> history) {
    public UniverseSpec {
        symbols = List.copyOf(symbols);
        indicators = List.copyOf(indicators);
        history = Map.copyOf(history);
        if (symbols.isEmpty()) throw new IllegalArgumentException("a universe stream needs at least one symbol");
        if (indicators.isEmpty()) throw new IllegalArgumentException("a universe stream needs at least one indicator");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        if (device < 0) throw new IllegalArgumentException("device must not be negative, was " + device);
        Set<String> seen = new HashSet<>();
        for (String s : symbols) {
            if (!seen.add(Objects.requireNonNull(s, "symbol"))) throw new IllegalArgumentException("symbol " + s + " is listed twice");
        }
        for (String s : history.keySet()) {
            if (!seen.contains(s)) throw new IllegalArgumentException("history of " + s + ", which is not among the symbols");
        }
    }
}
