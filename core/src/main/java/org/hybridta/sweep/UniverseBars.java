package org.hybridta.sweep;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hybridta.BarSeries;
import org.hybridta.Panel;
import org.hybridta.SymbolStatus;
import org.hybridta.Universe;
import org.hybridta.source.FailureKind;
import org.hybridta.source.FetchResult;
import org.hybridta.source.Fetches;
import org.hybridta.source.QuoteSource;
import org.hybridta.source.TradingCalendar;

/**
 * A universe's bars in memory for a sweep or a screen: fetched from {@code warmup} trading days before {@code from}
 * (the history the specs need, {@link org.hybridta.WarmUp}) to {@code to}, as one {@link Panel}.
 *
 * @param series   the symbols that have bars, in universe order
 * @param failures the symbols that have none, with the reason
 * @param panel    the series as a panel, in the same order
 * @param first    per series, the first bar on or after {@code from} (the bars before it are warm-up)
 * @param fetch    the time the fetch took
 */
public record UniverseBars(List<BarSeries> series, List<SymbolStatus> failures, Panel panel, int[] first, Duration fetch) {
    public UniverseBars {
        series = List.copyOf(series);
        failures = List.copyOf(failures);
        Objects.requireNonNull(panel, "panel");
        first = first.clone();
        Objects.requireNonNull(fetch, "fetch");
    }

    @Override public int[] first() { return first.clone(); }

    /**
     * Fetches {@code universe} from {@code source} over {@code [from, to)} plus {@code warmup} trading days before.
     *
     * @throws IllegalStateException if interrupted
     */
    public static UniverseBars fetch(Universe universe, QuoteSource source, LocalDate from, LocalDate to, int warmup) {
        long t0 = System.nanoTime();
        LocalDate fetchFrom = TradingCalendar.minusTradingDays(from, warmup);
        List<FetchResult> fetched;
        try {
            fetched = Fetches.all(source, universe.members(), fetchFrom, to, "hybridta-sweep-fetch");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching", e);
        }
        List<BarSeries> ok = new ArrayList<>();
        List<SymbolStatus> failures = new ArrayList<>();
        for (FetchResult r : fetched) {
            if (r instanceof FetchResult.Ok o && !o.series().isEmpty()) ok.add(o.series());
            else if (r instanceof FetchResult.Failed f) failures.add(SymbolStatus.failed(f.symbol(), f.kind(), f.reason()));
            else failures.add(SymbolStatus.failed(r.symbol(), FailureKind.NO_DATA, "no bars between " + fetchFrom + " and " + to));
        }
        int[] first = new int[ok.size()];
        for (int s = 0; s < first.length; s++) first[s] = ok.get(s).countBefore(from);
        return new UniverseBars(ok, failures, Panel.of(ok), first, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Per series, the last bar on or before {@code date} (-1 where there is none). */
    public int[] barsOn(LocalDate date) {
        int[] at = new int[series.size()];
        for (int s = 0; s < at.length; s++) at[s] = series.get(s).countBefore(date.plusDays(1)) - 1;
        return at;
    }
}
