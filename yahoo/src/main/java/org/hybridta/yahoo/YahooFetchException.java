package org.hybridta.yahoo;

import java.util.Objects;
import org.hybridta.source.FailureKind;

/**
 * One symbol could not be fetched from Yahoo. {@link #getMessage()} is a one-line reason for the user, e.g.
 * {@code symbol not found at Yahoo ("No data found, symbol may be delisted")}; {@link #kind()} says what sort
 * of failure it was. {@link YahooQuoteSource#fetch} turns it into a
 * {@link org.hybridta.source.FetchResult.Failed}.
 */
public final class YahooFetchException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String symbol;
    private final FailureKind kind;

    YahooFetchException(String symbol, FailureKind kind, String reason) {
        super(reason, null, false, false);   // an expected outcome, not a bug: no stack trace needed
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** The constituent's symbol (not the Yahoo symbol). */
    public String symbol() { return symbol; }

    public FailureKind kind() { return kind; }

    /** The one-line reason, the same as {@link #getMessage()}. */
    public String reason() { return getMessage(); }
}
