package org.hybridta.source;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Fetches many symbols at once, as many at a time as the source allows, for the callers that need all bars in memory. */
public final class Fetches {
    private Fetches() {}

    /**
     * Every constituent's bars in {@code [from, to)}, in order; a source that throws or returns nothing gives a
     * {@link FetchResult.Failed} for that symbol.
     *
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public static List<FetchResult> all(QuoteSource source, List<Constituent> members, LocalDate from, LocalDate to, String threadName)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(source.maxConcurrency(), members.size())), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FetchResult>> futures = new ArrayList<>();
            for (Constituent c : members) futures.add(pool.submit(() -> source.fetch(c, from, to)));
            List<FetchResult> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                String symbol = members.get(i).symbol();
                try {
                    FetchResult r = futures.get(i).get();
                    results.add(r != null ? r : FetchResult.failed(symbol, FailureKind.ERROR, source.name() + " returned nothing"));
                } catch (ExecutionException e) {
                    results.add(FetchResult.failed(symbol, FailureKind.ERROR, source.name() + " failed: " + e.getCause()));
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
