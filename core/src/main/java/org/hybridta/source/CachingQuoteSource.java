package org.hybridta.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
import java.util.zip.CRC32C;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.hybridta.io.AtomicFiles;
import org.hybridta.io.UntrustedText;
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
 * leaves a half-written entry. Each entry carries its symbol and a CRC32C checksum of all its bytes, checked on
 * every read with the header's plausibility (a range that ends by today, a bar count that matches the file's
 * size, dates inside the range): an entry that fails any check — a flipped bit, a cut or edited file, another
 * symbol's entry — is never used; a warning names the file, the bars are fetched again and the entry replaced.
 * Entries of an older format are fetched again too (logged at info level).
 */
public final class CachingQuoteSource implements QuoteSource {
    private static final Logger log = LoggerFactory.getLogger(CachingQuoteSource.class);
    private static final int MAGIC = 0x48544143; // "HTAC"
    private static final int VERSION = 2;

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

    @Override public boolean isSynthetic() { return delegate.isSynthetic(); }

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
            // the entry keeps only its range: bars of today (and after) are answered but not remembered
            if (merged.from.isBefore(merged.to)) write(file, new Entry(merged.from, merged.to, merged.series.between(merged.from, merged.to)));
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

    /*
     * An entry, version 2, big-endian:
     *   int magic "HTAC", int version, long from, long to (epoch days: the range fetched, to exclusive),
     *   int length + UTF-8 bytes of the symbol, int n, n int dates (epoch days), then n doubles per Field in order,
     *   int CRC32C of every byte before it.
     * Version 1 had no symbol and no checksum: such entries are fetched again.
     */
    private static final int HEADER_BYTES = 4 + 4 + 8 + 8;
    private static final int BYTES_PER_BAR = 4 + 8 * Field.values().length;
    /** Far more than any entry (a century of bars is 1.3 MB); a larger file is not read into memory at all. */
    private static final long MAX_ENTRY_BYTES = 256L << 20;

    /** An entry that cannot be trusted: its bars are fetched again and it is replaced. */
    private static final class DamagedEntryException extends IOException {
        private static final long serialVersionUID = 1L;
        final boolean olderFormat;

        DamagedEntryException(String why, boolean olderFormat) {
            super(why);
            this.olderFormat = olderFormat;
        }
    }

    /** The entry of {@code symbol}, or null when there is none or it cannot be trusted (then with a log line saying why). */
    private Entry read(Path file, String symbol) {
        try {
            long size = Files.size(file);
            if (size > MAX_ENTRY_BYTES) throw new DamagedEntryException("it is " + size + " bytes, more than any entry", false);
            return decode(Files.readAllBytes(file), symbol, LocalDate.now(clock));
        } catch (NoSuchFileException e) {
            return null;
        } catch (DamagedEntryException e) {
            if (e.olderFormat) log.info("cache entry {} {}; fetching {} again", file, e.getMessage(), symbol);
            else log.warn("cache entry {} is damaged ({}); fetching {} again and replacing it", file, e.getMessage(), symbol);
            return null;
        } catch (IOException e) {
            log.warn("cannot read cache entry {} ({}); fetching {} again", file, e, symbol);
            return null;
        }
    }

    /**
     * Checks and decodes an entry: the checksum first, then that the header is plausible (a symbol that is
     * {@code symbol}, a range that ends by today, a bar count that matches the size, dates inside the range) —
     * sizes are checked against the bytes there are before anything is allocated.
     */
    private static Entry decode(byte[] bytes, String symbol, LocalDate today) throws DamagedEntryException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (bytes.length < HEADER_BYTES + 4 + 4 + 4) throw new DamagedEntryException("it is only " + bytes.length + " bytes long", false);
        if (b.getInt() != MAGIC) throw new DamagedEntryException("it is not a cache entry", false);
        int version = b.getInt();
        if (version != VERSION) {
            throw new DamagedEntryException(version < VERSION ? "has an older format (version " + version + ")"
                    : "has format version " + version + ", which this version of HybridTA does not know", version < VERSION);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
        if ((int) crc.getValue() != stored) throw new DamagedEntryException("its checksum does not match its content", false);

        long fromDay = b.getLong(), toDay = b.getLong();
        if (fromDay < MIN_DAY || toDay > today.toEpochDay() || fromDay >= toDay) {
            throw new DamagedEntryException("its range " + day(fromDay) + " to " + day(toDay) + " is not one fetched by " + today, false);
        }
        int symbolBytes = b.getInt();
        if (symbolBytes < 0 || symbolBytes > b.remaining() - 8) throw new DamagedEntryException("its symbol's length is " + symbolBytes, false);
        String held = new String(bytes, b.position(), symbolBytes, StandardCharsets.UTF_8);
        b.position(b.position() + symbolBytes);
        if (!held.equals(symbol)) throw new DamagedEntryException("it holds the bars of " + UntrustedText.quote(held) + ", not " + symbol, false);
        int n = b.getInt();
        long expected = (long) n * BYTES_PER_BAR + 4;
        if (n < 0 || expected != b.remaining()) {
            throw new DamagedEntryException("its bar count " + n + " does not match its size of " + bytes.length + " bytes", false);
        }
        int[] days = new int[n];
        for (int i = 0; i < n; i++) {
            days[i] = b.getInt();
            if (days[i] < fromDay || days[i] >= toDay) {
                throw new DamagedEntryException("bar " + i + " is dated " + day(days[i]) + ", outside its range " + day(fromDay) + " to " + day(toDay), false);
            }
        }
        double[][] f = new double[Field.values().length][n];
        for (double[] column : f) for (int i = 0; i < n; i++) column[i] = b.getDouble();
        try {
            return new Entry(LocalDate.ofEpochDay(fromDay), LocalDate.ofEpochDay(toDay), BarSeries.of(symbol, days, f[Field.OPEN.ordinal()],
                    f[Field.HIGH.ordinal()], f[Field.LOW.ordinal()], f[Field.CLOSE.ordinal()], f[Field.ADJ_CLOSE.ordinal()], f[Field.VOLUME.ordinal()]));
        } catch (IllegalArgumentException e) {
            throw new DamagedEntryException(e.getMessage(), false);
        }
    }

    /** The earliest date an entry may start on: anything before is a damaged header, not a market. */
    private static final long MIN_DAY = LocalDate.of(1800, 1, 1).toEpochDay();

    private static String day(long epochDay) {
        return epochDay >= LocalDate.MIN.toEpochDay() && epochDay <= LocalDate.MAX.toEpochDay()
                ? LocalDate.ofEpochDay(epochDay).toString() : "day " + epochDay;
    }

    private static void write(Path file, Entry e) {
        try {
            Files.createDirectories(file.getParent());
            BarSeries s = e.series;
            byte[] symbol = s.symbol().getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + 4 + symbol.length + 4 + s.size() * BYTES_PER_BAR + 4);
            b.putInt(MAGIC).putInt(VERSION).putLong(e.from.toEpochDay()).putLong(e.to.toEpochDay());
            b.putInt(symbol.length).put(symbol).putInt(s.size());
            for (int i = 0; i < s.size(); i++) b.putInt(s.epochDay(i));
            for (Field f : Field.values()) for (double v : s.values(f)) b.putDouble(v);
            CRC32C crc = new CRC32C();
            crc.update(b.array(), 0, b.position());
            b.putInt((int) crc.getValue());
            AtomicFiles.write(file, out -> out.write(b.array()));
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
