package org.hybridta.source;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.hybridta.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps any source with an on-disk cache: per source ({@link QuoteSource#cacheKey()}) and symbol, the
 * bars of one contiguous date range that was fetched. A request inside that range is answered from disk;
 * a request beyond it asks the wrapped source only for the missing dates (merging them in), so a repeated
 * run asks the wrapped source for nothing it already has.
 *
 * <p>Ranges are remembered only up to today (exclusive): today's bar may still change. Failures are not
 * cached. Entries are written to a temporary file and moved into place atomically, so a crash never
 * leaves a half-written entry; an unreadable entry is ignored (and replaced) with a warning.
 */
public final class CachingQuoteSource implements QuoteSource {
    private static final Logger log = LoggerFactory.getLogger(CachingQuoteSource.class);
    private static final int MAGIC = 0x48544143; // "HTAC"
    private static final int VERSION = 1;

    private final QuoteSource delegate;
    private final Path directory;
    private final Clock clock;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong(), delegateCalls = new AtomicLong();

    private CachingQuoteSource(QuoteSource delegate, Path directory, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.directory = Objects.requireNonNull(directory, "directory").resolve(safeName(delegate.cacheKey()));
        this.clock = clock;
    }

    /** Caches {@code delegate} under {@code directory} (created when needed; one sub-directory per source). */
    public static CachingQuoteSource wrap(QuoteSource delegate, Path directory) {
        return new CachingQuoteSource(delegate, directory, Clock.systemDefaultZone());
    }

    /** As {@link #wrap(QuoteSource, Path)}, with the clock that says what "today" is (for tests). */
    static CachingQuoteSource wrap(QuoteSource delegate, Path directory, Clock clock) {
        return new CachingQuoteSource(delegate, directory, clock);
    }

    @Override public String name() { return delegate.name() + " (cached in " + directory.getParent() + ")"; }

    @Override public String cacheKey() { return delegate.cacheKey(); }

    @Override public int maxConcurrency() { return delegate.maxConcurrency(); }

    @Override public int expectedBars(Constituent c, LocalDate from, LocalDate to) {
        return delegate.expectedBars(c, from, to);
    }

    /** Requests answered entirely from the cache so far. */
    public long hits() { return hits.get(); }

    /** Calls made to the wrapped source so far. */
    public long delegateCalls() { return delegateCalls.get(); }

    @Override public FetchResult fetch(Constituent c, LocalDate from, LocalDate to) {
        if (!from.isBefore(to)) return delegate.fetch(c, from, to);
        Path file = directory.resolve(safeName(c.symbol()) + ".bars");
        // one fetch per symbol at a time, so two workers never race on one entry
        synchronized (locks.computeIfAbsent(c.symbol(), k -> new Object())) {
            Entry cached = read(file, c.symbol());
            if (cached != null && !from.isBefore(cached.from) && !to.isAfter(cached.to)) {
                hits.incrementAndGet();
                return sliceResult(c.symbol(), cached.series, from, to);
            }
            LocalDate today = LocalDate.now(clock);
            Entry merged = cached;
            if (cached == null) {
                FetchResult r = call(c, from, to);
                if (!r.isOk()) return r;
                merged = new Entry(from, min(to, today), ((FetchResult.Ok) r).series());
            } else {
                LocalDate lo = from.isBefore(cached.from) ? from : cached.from;
                LocalDate hi = to.isAfter(cached.to) ? to : cached.to;
                BarSeries series = cached.series;
                if (lo.isBefore(cached.from)) {
                    FetchResult r = call(c, lo, cached.from);
                    if (r instanceof FetchResult.Ok ok) series = concat(ok.series(), series);
                    else if (!(r instanceof FetchResult.Failed f && f.kind() == FailureKind.NO_DATA)) return r;
                }
                if (hi.isAfter(cached.to)) {
                    FetchResult r = call(c, cached.to, hi);
                    if (r instanceof FetchResult.Ok ok) series = concat(series, ok.series());
                    else if (!(r instanceof FetchResult.Failed f && f.kind() == FailureKind.NO_DATA)) return r;
                }
                merged = new Entry(lo, min(hi, today), series);
            }
            if (merged.from.isBefore(merged.to)) write(file, merged);
            return sliceResult(c.symbol(), merged.series, from, to);
        }
    }

    private FetchResult call(Constituent c, LocalDate from, LocalDate to) {
        delegateCalls.incrementAndGet();
        return delegate.fetch(c, from, to);
    }

    private static FetchResult sliceResult(String symbol, BarSeries series, LocalDate from, LocalDate to) {
        BarSeries slice = series.between(from, to);
        if (slice.isEmpty()) return FetchResult.failed(symbol, FailureKind.NO_DATA, "no bars between " + from + " and " + to);
        return FetchResult.ok(slice);
    }

    /** Appends {@code b} to {@code a}; bars of {@code b} at or before {@code a}'s last date are dropped. */
    private static BarSeries concat(BarSeries a, BarSeries b) {
        if (a.isEmpty()) return b;
        int last = a.epochDay(a.size() - 1);
        int skip = 0;
        while (skip < b.size() && b.epochDay(skip) <= last) skip++;
        int n = a.size() + b.size() - skip;
        int[] days = Arrays.copyOf(a.epochDays(), n);
        System.arraycopy(b.epochDays(), skip, days, a.size(), b.size() - skip);
        double[][] f = new double[Field.values().length][];
        for (Field field : Field.values()) {
            double[] v = Arrays.copyOf(a.values(field), n);
            System.arraycopy(b.values(field), skip, v, a.size(), b.size() - skip);
            f[field.ordinal()] = v;
        }
        return BarSeries.of(a.symbol(), days, f[Field.OPEN.ordinal()], f[Field.HIGH.ordinal()], f[Field.LOW.ordinal()],
                f[Field.CLOSE.ordinal()], f[Field.ADJ_CLOSE.ordinal()], f[Field.VOLUME.ordinal()]);
    }

    private record Entry(LocalDate from, LocalDate to, BarSeries series) {}

    private static Entry read(Path file, String symbol) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) throw new IOException("not a cache entry of this version");
            LocalDate from = LocalDate.ofEpochDay(in.readLong()), to = LocalDate.ofEpochDay(in.readLong());
            int n = in.readInt();
            int[] days = new int[n];
            for (int i = 0; i < n; i++) days[i] = in.readInt();
            double[][] f = new double[Field.values().length][n];
            for (double[] column : f) for (int i = 0; i < n; i++) column[i] = in.readDouble();
            return new Entry(from, to, BarSeries.of(symbol, days, f[Field.OPEN.ordinal()], f[Field.HIGH.ordinal()], f[Field.LOW.ordinal()],
                    f[Field.CLOSE.ordinal()], f[Field.ADJ_CLOSE.ordinal()], f[Field.VOLUME.ordinal()]));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            log.warn("ignoring unreadable cache entry {}: {}", file, e.getMessage());
            return null;
        }
    }

    private static void write(Path file, Entry e) {
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, stream -> {
                DataOutputStream out = new DataOutputStream(stream);
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeLong(e.from.toEpochDay());
                out.writeLong(e.to.toEpochDay());
                BarSeries s = e.series;
                out.writeInt(s.size());
                for (int i = 0; i < s.size(); i++) out.writeInt(s.epochDay(i));
                for (Field f : Field.values()) for (double v : s.values(f)) out.writeDouble(v);
                out.flush();
            });
        } catch (IOException ex) {
            // a cache that cannot be written only costs a refetch next time
            log.warn("cannot write cache entry {}: {}", file, ex.toString());
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** A file-name-safe form of a key: letters, digits, '.', '-', '_' kept; anything else as _XX. */
    static String safeName(String key) {
        StringBuilder sb = new StringBuilder();
        for (char ch : key.toCharArray()) {
            if (Character.isLetterOrDigit(ch) && ch < 128 || ch == '.' || ch == '-') sb.append(ch);
            else sb.append('_').append(String.format(Locale.ROOT, "%02X", (int) ch));
        }
        if (sb.length() == 0 || sb.charAt(0) == '.') sb.insert(0, '_');
        return sb.toString();
    }

    @Override public void close() {
        delegate.close();
    }
}
