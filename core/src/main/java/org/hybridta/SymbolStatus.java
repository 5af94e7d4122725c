package org.hybridta;

import java.util.Objects;
import java.util.Optional;
import org.hybridta.source.FailureKind;

/** What happened to one symbol in a pipeline run: computed on so many bars, or failed, and why. */
public final class SymbolStatus {
    private final String symbol;
    private final int bars;
    private final FailureKind failure;
    private final String reason;

    private SymbolStatus(String symbol, int bars, FailureKind failure, String reason) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.bars = bars;
        this.failure = failure;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public static SymbolStatus ok(String symbol, int bars) {
        return new SymbolStatus(symbol, bars, null, "");
    }

    public static SymbolStatus failed(String symbol, FailureKind kind, String reason) {
        return new SymbolStatus(symbol, 0, Objects.requireNonNull(kind, "kind"), reason);
    }

    public String symbol() { return symbol; }

    /** Bars computed; 0 for a failed symbol. */
    public int bars() { return bars; }

    public boolean isOk() { return failure == null; }

    /** Why the symbol failed, or empty when it did not. */
    public Optional<FailureKind> failure() { return Optional.ofNullable(failure); }

    /** The one-line reason of a failure, or {@code ""}. */
    public String reason() { return reason; }

    @Override public boolean equals(Object o) {
        return o instanceof SymbolStatus s && symbol.equals(s.symbol) && bars == s.bars && failure == s.failure && reason.equals(s.reason);
    }

    @Override public int hashCode() { return Objects.hash(symbol, bars, failure, reason); }

    @Override public String toString() {
        return isOk() ? symbol + ": ok, " + bars + " bars" : symbol + ": " + failure + ": " + reason;
    }
}
