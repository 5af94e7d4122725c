package org.hybridta.source;

import java.util.Objects;
import org.hybridta.BarSeries;

/** The outcome of fetching one symbol: its bars, or a typed failure with a reason. Never {@code null}. */
public sealed interface FetchResult permits FetchResult.Ok, FetchResult.Failed {

    /** The constituent's symbol. */
    String symbol();

    boolean isOk();

    static FetchResult ok(BarSeries series) { return new Ok(series); }

    static FetchResult failed(String symbol, FailureKind kind, String reason) { return new Failed(symbol, kind, reason); }

    /** The bars of a symbol. */
    record Ok(BarSeries series) implements FetchResult {
        public Ok {
            Objects.requireNonNull(series, "series");
        }

        @Override public String symbol() { return series.symbol(); }

        @Override public boolean isOk() { return true; }
    }

    /**
     * A symbol that could not be fetched.
     *
     * @param reason a one-line explanation for the user, e.g. {@code symbol not found at Yahoo ("No data found, symbol may be delisted")}
     */
    record Failed(String symbol, FailureKind kind, String reason) implements FetchResult {
        public Failed {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }

        @Override public boolean isOk() { return false; }
    }
}
