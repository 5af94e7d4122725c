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
 * <p>Intrabar values come from {@link #peek} (nothing committed); {@link #snapshot} and {@link #restore} keep the state
 * over a restart; a warm start seeds symbols with their history ({@link UniverseStreams.Builder#history}).
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

    /**
     * The values the tick's bars would have if they closed now, without committing them (intrabar updates): the next
     * {@link #tick} continues from the last committed tick. Returns the same buffers as {@link #tick}, valid until the
     * next tick or peek.
     *
     * @throws IllegalArgumentException if the tick does not have one bar per symbol
     * @throws IllegalStateException    once closed
     */
    TickValues peek(Tick tick);

    /** How many ticks were consumed. */
    long ticks();

    /**
     * The state now, to {@linkplain #restore restore} later (possibly in another process) into a universe stream of the
     * same backend, symbols and indicators.
     *
     * @throws IllegalStateException once closed
     */
    UniverseSnapshot snapshot();

    /**
     * Sets this stream to the state of {@code snapshot}, written by a stream of the same backend, symbols and
     * indicators (in the same order). On an error the stream is unchanged.
     *
     * @throws IllegalArgumentException if the snapshot is of another backend, state format, symbols or indicators
     * @throws IllegalStateException    once closed
     */
    void restore(UniverseSnapshot snapshot);

    @Override void close();
}
