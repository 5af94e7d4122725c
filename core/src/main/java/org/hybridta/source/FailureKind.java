package org.hybridta.source;

/** Why a symbol's bars could not be had. */
public enum FailureKind {
    /** The source does not know the symbol (e.g. Yahoo's 404 with {@code chart.error}). */
    NOT_FOUND,
    /** The symbol exists but has no bars in the requested range. */
    NO_DATA,
    /** The symbol is not well formed. */
    INVALID_SYMBOL,
    /** The source kept refusing with "too many requests" after the retries. */
    RATE_LIMITED,
    /** The source did not answer in time, after the retries. */
    TIMEOUT,
    /** Connection failures or server errors, after the retries. */
    UNAVAILABLE,
    /**
     * The source's server (or proxy) cannot be reached at all: an unknown host, a refused connection, no route. Every
     * symbol fails alike, with the same reason; a source may stop trying after its first symbols failed so.
     */
    UNREACHABLE,
    /** The source answered with something that is not valid data (HTML, truncated JSON, bad CSV). */
    BAD_DATA,
    /** Anything else, e.g. a local I/O error. */
    ERROR
}
