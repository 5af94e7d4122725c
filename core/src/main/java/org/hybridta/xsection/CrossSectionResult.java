package org.hybridta.xsection;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hybridta.SymbolStatus;

/**
 * What a {@link CrossSection} computed: one {@link Window} for the whole sample, or one per rolling window (oldest
 * first), each with the measures asked for; the symbols that could not be used, and why; and where the time went.
 */
public final class CrossSectionResult {
    private final List<String> symbols;
    private final String benchmark;
    private final List<Window> windows;
    private final List<SymbolStatus> failures;
    private final String engine;
    private final Duration fetch, compute;

    CrossSectionResult(List<String> symbols, String benchmark, List<Window> windows, List<SymbolStatus> failures, String engine,
                       Duration fetch, Duration compute) {
        this.symbols = List.copyOf(symbols);
        this.benchmark = benchmark;
        this.windows = List.copyOf(windows);
        this.failures = List.copyOf(failures);
        this.engine = Objects.requireNonNull(engine, "engine");
        this.fetch = fetch;
        this.compute = compute;
    }

    /** The symbols of the matrices, in the universe's order (those that failed left out). */
    public List<String> symbols() { return symbols; }

    /** The benchmark's name ({@code SPY}, or {@code equal-weighted}), empty when no betas were asked for. */
    public Optional<String> benchmark() { return Optional.ofNullable(benchmark); }

    /** The windows, oldest first: one for the whole sample unless a rolling window was asked for. */
    public List<Window> windows() { return windows; }

    /** The last window: the whole sample, unless rolling. */
    public Window last() { return windows.get(windows.size() - 1); }

    /** Symbols that could not be fetched or used, with the reason; the others were computed. */
    public List<SymbolStatus> failures() { return failures; }

    /** The engine that computed the matrices, e.g. {@code cpu (16 threads)}. */
    public String engine() { return engine; }

    /** Time spent fetching and aligning the bars ({@link Duration#ZERO} for {@link CrossSection#analyze}). */
    public Duration fetchTime() { return fetch; }

    /** Time spent computing. */
    public Duration computeTime() { return compute; }

    /** The measures of one window of days. */
    public static final class Window {
        private final LocalDate first, last;
        private final int days;
        private final SymbolMatrix correlation, covariance;
        private final List<Beta> betas;

        Window(LocalDate first, LocalDate last, int days, SymbolMatrix correlation, SymbolMatrix covariance, List<Beta> betas) {
            this.first = first;
            this.last = last;
            this.days = days;
            this.correlation = correlation;
            this.covariance = covariance;
            this.betas = List.copyOf(betas);
        }

        /** The date of the window's first return. */
        public LocalDate first() { return first; }

        /** The date of its last return: the date a rolling value is reported at. */
        public LocalDate last() { return last; }

        /** Days of returns in the window (with {@link MissingDays#DROP}, those kept). */
        public int days() { return days; }

        /** The correlation matrix, if asked for. */
        public Optional<SymbolMatrix> correlation() { return Optional.ofNullable(correlation); }

        /** The covariance matrix, if asked for. */
        public Optional<SymbolMatrix> covariance() { return Optional.ofNullable(covariance); }

        /** Each symbol's beta and correlation to the benchmark, in symbol order; empty unless asked for. */
        public List<Beta> betas() { return betas; }

        @Override public String toString() { return "Window[" + first + ".." + last + ", " + days + " days]"; }
    }
}
