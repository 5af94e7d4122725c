package org.hybridta;

import java.util.Objects;
import java.util.Optional;
import org.hybridta.source.FailureKind;

/** What happened to one symbol in a pipeline run: computed on so many bars, or failed, and why. */
public final class SymbolStatus {
    private final String symbol;
    private final int bars;
    private final int warmup;
    private final FailureKind failure;
    private final String reason;

    private SymbolStatus(String symbol, int bars, int warmup, FailureKind failure, String reason) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.bars = bars;
        this.warmup = warmup;
        this.failure = failure;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Computed: {@code bars} bars in the run's range, after {@code warmup} bars of history before it. */
    public static SymbolStatus ok(String symbol, int bars, int warmup) {
        if (bars < 0 || warmup < 0) throw new IllegalArgumentException("bars and warm-up must be >= 0, were " + bars + " and " + warmup);
        return new SymbolStatus(symbol, bars, warmup, null, "");
    }

    public static SymbolStatus failed(String symbol, FailureKind kind, String reason) {
        return new SymbolStatus(symbol, 0, 0, Objects.requireNonNull(kind, "kind"), reason);
    }

    public String symbol() { return symbol; }

    /** Bars computed in the run's range (the rows written); 0 for a failed symbol. */
    public int bars() { return bars; }

    /** Bars of history before the run's range that the indicators started from ({@link WarmUp}); 0 for a failed symbol. */
    public int warmup() { return warmup; }

    public boolean isOk() { return failure == null; }

    /** Why the symbol failed, or empty when it did not. */
    public Optional<FailureKind> failure() { return Optional.ofNullable(failure); }

    /** The one-line reason of a failure, or {@code ""}. */
    public String reason() { return reason; }

    @Override public boolean equals(Object o) {
        return o instanceof SymbolStatus s && symbol.equals(s.symbol) && bars == s.bars && warmup == s.warmup && failure == s.failure && reason.equals(s.reason);
    }

    @Override public int hashCode() { return Objects.hash(symbol, bars, warmup, failure, reason); }

    @Override public String toString() {
        return isOk() ? symbol + ": ok, " + bars + " bars" : symbol + ": " + failure + ": " + reason;
    }
}
