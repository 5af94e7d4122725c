package org.hybridta.stream;

import java.util.List;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Output;

/**
 * Many symbols × a list of indicators, updated one tick at a time: {@link #tick} takes that tick's bar of every
 * symbol and returns every symbol's values of every output, each equal (bit for bit) to what an
 * {@link IndicatorStream} of that symbol alone — or the batch kernels over that symbol's own bars — give. Symbols
 * that did not trade in a tick skip it (their state waits; their values in that tick are {@code NaN}), and a symbol
 * whose first bar comes late starts then.
 *
 * <p>Opened by {@link UniverseStreams} on a backend ({@code cpu}: the symbols split across threads when the universe
 * is large; other backends plug in through {@link UniverseStreamProvider}). Not thread-safe: one caller ticks it.
 * Closing releases its threads or device memory; closing twice is safe.
 */
public interface UniverseStream extends AutoCloseable {

    /** The backend computing it ({@code cpu}, ...). */
    String backend();

    /** The symbols, in the order of the ticks' and values' arrays. */
    List<String> symbols();

    /** The indicators, in order. */
    List<Indicator> indicators();

    /** The output columns, indicator after indicator (as {@link IndicatorStream#outputs()}). */
    List<Output> outputs();

    /**
     * Consumes one tick and returns its values: buffers owned by the stream, valid until the next tick.
     *
     * @throws IllegalArgumentException if the tick does not have one bar per symbol
     * @throws IllegalStateException    once closed
     */
    TickValues tick(Tick tick);

    /** How many ticks were consumed. */
    long ticks();

    @Override void close();
}
