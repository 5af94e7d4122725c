package org.hybridta.examples.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import org.hybridta.SymbolStatus;
import org.hybridta.Universe;
import org.hybridta.source.QuoteSource;
import org.hybridta.sweep.UniverseBars;

/** Fetches a universe into memory for {@code sweep} and {@code screen}, with the source and cache options of {@code run}. */
final class UniverseFetch {
    /** How many failures are listed; the rest are counted. */
    private static final int FAILURES_SHOWN = 20;

    private UniverseFetch() {}

    /**
     * The bars of {@code [from, to)} with {@code warmup} trading days before.
     *
     * @throws CliException when no symbol has bars (naming the first failure)
     */
    static UniverseBars fetch(SourceChoice source, CacheChoice cache, String defaultSource, Universe universe, LocalDate from, LocalDate to,
                              int warmup) {
        SourceChoice.Kind kind = source.kind(defaultSource);
        UniverseBars bars;
        try (QuoteSource quotes = cache.wrap(source.open(defaultSource), kind == SourceChoice.Kind.YAHOO)) {
            bars = UniverseBars.fetch(universe, quotes, from, to, warmup);
        }
        if (bars.series().isEmpty()) {
            List<SymbolStatus> failed = bars.failures();
            String first = failed.isEmpty() ? "the universe is empty" : failed.get(0).symbol() + ": " + failed.get(0).reason()
                    + (failed.size() > 1 ? "; and " + (failed.size() - 1) + " more" : "");
            throw new CliException(HybridTa.FAILED, "no symbol has bars from " + from + " to " + to + " (" + first + ")");
        }
        return bars;
    }

    /** Lists the symbols that could not be fetched (the first {@value #FAILURES_SHOWN}). */
    static void printFailures(PrintWriter out, List<SymbolStatus> failures) {
        for (int i = 0; i < Math.min(FAILURES_SHOWN, failures.size()); i++) {
            out.println("failed " + failures.get(i).symbol() + ": " + failures.get(i).reason());
        }
        if (failures.size() > FAILURES_SHOWN) out.println("... and " + (failures.size() - FAILURES_SHOWN) + " more failures");
    }
}
