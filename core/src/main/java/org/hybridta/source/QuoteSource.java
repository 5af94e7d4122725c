package org.hybridta.source;

import java.time.LocalDate;

/**
 * Where daily bars come from: Yahoo Finance, CSV files, a synthetic market, or your own.
 *
 * <p>{@link #fetch} is called from several threads at once (up to {@link #maxConcurrency()}), so
 * implementations must be thread-safe. A failure of one symbol is returned, not thrown: only a broken
 * source (closed, misconfigured) may throw.
 */
public interface QuoteSource extends AutoCloseable {

    /** A short name for logs and summaries, e.g. {@code yahoo} or {@code csv:/data/quotes}. */
    String name();

    /**
     * The bars of one constituent with dates in {@code [from, to)} (the end is exclusive, as in yfinance),
     * or a typed failure. Never {@code null}. The returned series carries {@code constituent.symbol()}.
     */
    FetchResult fetch(Constituent constituent, LocalDate from, LocalDate to);

    /**
     * About how many bars {@link #fetch} would return, used to balance work between workers before anything
     * is fetched; {@code -1} when the source cannot tell cheaply (the caller then assumes every weekday).
     */
    default int expectedBars(Constituent constituent, LocalDate from, LocalDate to) { return -1; }

    /** How many {@link #fetch} calls may run at once; the pipeline never exceeds it. */
    default int maxConcurrency() { return Runtime.getRuntime().availableProcessors(); }

    /**
     * A key that identifies this source's data for caching: two sources with the same key return the same
     * bars for the same request. The default is {@link #name()}.
     */
    default String cacheKey() { return name(); }

    /**
     * Whether the bars are made up (a simulation, not market data), so that every output of a run can say so. The
     * default is false.
     */
    default boolean isSynthetic() { return false; }

    /** Releases connections or files. Closing twice is safe. */
    @Override default void close() {}
}
