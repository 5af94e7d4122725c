package org.hybridta.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.hybridta.StdErr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingQuoteSourceTest {
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2025, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    /** Counts and records what it is asked; bars come from the synthetic market. */
    static final class CountingSource implements QuoteSource {
        final SyntheticQuoteSource inner = SyntheticQuoteSource.create();
        final List<String> calls = new ArrayList<>();

        @Override public String name() { return "counting"; }

        @Override public synchronized FetchResult fetch(Constituent c, LocalDate from, LocalDate to) {
            calls.add(c.symbol() + " " + from + " " + to);
            if (c.symbol().startsWith("BAD")) return FetchResult.failed(c.symbol(), FailureKind.NOT_FOUND, "no such symbol");
            return inner.fetch(c, from, to);
        }
    }

    @Test
    void repeatedRequestIsAnsweredFromDisk(@TempDir Path dir) {
        CountingSource counting = new CountingSource();
        CachingQuoteSource cached = CachingQuoteSource.wrap(counting, dir, CLOCK);
        Constituent aapl = Constituent.of("AAPL");
        FetchResult first = cached.fetch(aapl, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1));
        FetchResult again = cached.fetch(aapl, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1));
        FetchResult inside = cached.fetch(aapl, LocalDate.of(2020, 3, 1), LocalDate.of(2020, 4, 1));
        assertThat(counting.calls).hasSize(1);
        assertThat(again).isEqualTo(first);
        assertThat(((FetchResult.Ok) inside).series())
                .isEqualTo(((FetchResult.Ok) counting.inner.fetch(aapl, LocalDate.of(2020, 3, 1), LocalDate.of(2020, 4, 1))).series());
        // a new instance over the same directory (the next run) asks nothing either
        CountingSource counting2 = new CountingSource();
        CachingQuoteSource cached2 = CachingQuoteSource.wrap(counting2, dir, CLOCK);
        assertThat(cached2.fetch(aapl, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1))).isEqualTo(first);
        assertThat(counting2.calls).isEmpty();
        assertThat(cached2.hits()).isEqualTo(1);
    }

    @Test
    void widerRequestFetchesOnlyTheMissingDates(@TempDir Path dir) {
        CountingSource counting = new CountingSource();
        CachingQuoteSource cached = CachingQuoteSource.wrap(counting, dir, CLOCK);
        Constituent msft = Constituent.of("MSFT");
        cached.fetch(msft, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1));
        FetchResult wide = cached.fetch(msft, LocalDate.of(2019, 1, 1), LocalDate.of(2022, 1, 1));
        assertThat(counting.calls).containsExactly("MSFT 2020-01-01 2021-01-01", "MSFT 2019-01-01 2020-01-01", "MSFT 2021-01-01 2022-01-01");
        assertThat(((FetchResult.Ok) wide).series())
                .isEqualTo(((FetchResult.Ok) counting.inner.fetch(msft, LocalDate.of(2019, 1, 1), LocalDate.of(2022, 1, 1))).series());
        cached.fetch(msft, LocalDate.of(2019, 6, 1), LocalDate.of(2021, 6, 1));
        assertThat(counting.calls).hasSize(3);
    }

    @Test
    void coverageStopsAtTodaySoTodaysBarIsAskedAgain(@TempDir Path dir) {
        CountingSource counting = new CountingSource();
        CachingQuoteSource cached = CachingQuoteSource.wrap(counting, dir, CLOCK);
        Constituent c = Constituent.of("XOM");
        cached.fetch(c, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 6, 10));
        cached.fetch(c, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 6, 1));
        assertThat(counting.calls).hasSize(1);
        cached.fetch(c, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 6, 10));
        assertThat(counting.calls).hasSize(2).last().isEqualTo("XOM 2025-06-01 2025-06-10");
    }

    @Test
    void failuresAreNotCached(@TempDir Path dir) {
        CountingSource counting = new CountingSource();
        CachingQuoteSource cached = CachingQuoteSource.wrap(counting, dir, CLOCK);
        FetchResult r1 = cached.fetch(Constituent.of("BAD1"), LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1));
        FetchResult r2 = cached.fetch(Constituent.of("BAD1"), LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1));
        assertThat(r1).isEqualTo(r2).isInstanceOf(FetchResult.Failed.class);
        assertThat(counting.calls).hasSize(2);
    }

    @Test
    void corruptEntryIsIgnoredAndNoTemporaryFilesStay(@TempDir Path dir) throws IOException {
        CountingSource counting = new CountingSource();
        CachingQuoteSource cached = CachingQuoteSource.wrap(counting, dir, CLOCK);
        Constituent c = Constituent.of("BRK.B");
        FetchResult good = cached.fetch(c, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1));
        Path entry;
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).hasSize(1);
            entry = all.get(0);
        }
        assertThat(entry.getFileName().toString()).isEqualTo("BRK.B.bars");
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // as if a crash had cut it
        assertThat(cached.fetch(c, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1))).isEqualTo(good);
        assertThat(counting.calls).hasSize(2);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())).containsExactly("BRK.B.bars");
        }
    }

    // ---- damaged entries: each is found, named in a warning, fetched again and replaced --------------------------

    private static final LocalDate Y2024 = LocalDate.of(2024, 1, 1), Y2025 = LocalDate.of(2025, 1, 1);

    /** The one entry file under {@code dir}. */
    private static Path entry(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    /** Where {@code pattern} occurs in {@code data}; fails unless it occurs exactly once. */
    private static int onlyOccurrence(byte[] data, byte[] pattern) {
        int found = -1;
        for (int i = 0; i + pattern.length <= data.length; i++) {
            if (java.util.Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                assertThat(found).as("the pattern occurs once").isEqualTo(-1);
                found = i;
            }
        }
        assertThat(found).as("the pattern occurs").isNotNegative();
        return found;
    }

    private static byte[] bigEndian(long v, int bytes) {
        byte[] b = new byte[bytes];
        for (int i = bytes - 1; i >= 0; i--, v >>= 8) b[i] = (byte) v;
        return b;
    }

    /**
     * Caches {@code symbol} over {@code [from, to)}, damages the entry with {@code damage}, asks for
     * {@code [from, askTo)} and checks: the answer is what the source gives, the source was asked again, a warning
     * named the file, and the entry was replaced by a good one (a new instance answers from it alone).
     */
    private static void damagedEntryIsFetchedAgain(Path dir, String symbol, LocalDate from, LocalDate to, LocalDate askTo,
                                                   java.util.function.UnaryOperator<byte[]> damage) throws IOException {
        CountingSource counting = new CountingSource();
        Constituent c = Constituent.of(symbol);
        assertThat(CachingQuoteSource.wrap(counting, dir, CLOCK).fetch(c, from, to).isOk()).isTrue();
        Path file = entry(dir);
        Files.write(file, damage.apply(Files.readAllBytes(file)));

        CountingSource again = new CountingSource();
        FetchResult[] r = new FetchResult[1];
        String log = StdErr.of(() -> r[0] = CachingQuoteSource.wrap(again, dir, CLOCK).fetch(c, from, askTo));
        assertThat(r[0]).isEqualTo(counting.inner.fetch(c, from, askTo));
        assertThat(again.calls).as("the source is asked again").isNotEmpty();
        assertThat(log).contains("WARN", file.toString());

        CountingSource third = new CountingSource();
        CachingQuoteSource fresh = CachingQuoteSource.wrap(third, dir, CLOCK);
        assertThat(fresh.fetch(c, from, askTo)).isEqualTo(r[0]);
        assertThat(third.calls).as("the replaced entry is good").isEmpty();
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).as("no temporary file stays").containsExactly(file);
        }
    }

    @Test
    void aFlippedBitInACloseIsFound(@TempDir Path dir) throws IOException {
        BarSeries s = ((FetchResult.Ok) SyntheticQuoteSource.create().fetch(Constituent.of("AAPL"), Y2024, Y2025)).series();
        assertThat(s.adjClose()).isEqualTo(s.close());
        // a close whose bytes occur twice in the entry, as the close and the adjusted close (columns in Field order),
        // so that flipping the first lands in the close column whatever the layout around them
        damagedEntryIsFetchedAgain(dir, "AAPL", Y2024, Y2025, Y2025, bytes -> {
            for (int k = s.size() / 2; k < s.size(); k++) {
                byte[] p = bigEndian(Double.doubleToLongBits(s.get(Field.CLOSE, k)), 8);
                List<Integer> at = new ArrayList<>();
                for (int i = 0; i + 8 <= bytes.length; i++) if (java.util.Arrays.equals(bytes, i, i + 8, p, 0, 8)) at.add(i);
                if (at.size() == 2) {
                    byte[] out = bytes.clone();
                    out[at.get(0) + 7] ^= 1;    // the lowest mantissa bit: a close off by about 1e-14, no more
                    return out;
                }
            }
            throw new AssertionError("no close occurs exactly twice");
        });
    }

    @Test
    void aSmallerBarCountIsFound(@TempDir Path dir) throws IOException {
        LocalDate to = LocalDate.of(2024, 6, 8);
        BarSeries s = ((FetchResult.Ok) SyntheticQuoteSource.create().fetch(Constituent.of("MSFT"), Y2024, to)).series();
        assertThat(s.size()).isEqualTo(110);
        damagedEntryIsFetchedAgain(dir, "MSFT", Y2024, to, to, bytes -> withBarCount(bytes, s, 60));
    }

    /** The entry of {@code s} with its bar count, the int just before the first date, replaced by {@code count}. */
    private static byte[] withBarCount(byte[] bytes, BarSeries s, int count) {
        byte[] countThenFirstDay = new byte[8];
        System.arraycopy(bigEndian(s.size(), 4), 0, countThenFirstDay, 0, 4);
        System.arraycopy(bigEndian(s.epochDay(0), 4), 0, countThenFirstDay, 4, 4);
        byte[] out = bytes.clone();
        System.arraycopy(bigEndian(count, 4), 0, out, onlyOccurrence(bytes, countThenFirstDay), 4);
        return out;
    }

    @Test
    void aHugeBarCountIsFoundWithoutAllocatingIt(@TempDir Path dir) throws IOException {
        LocalDate to = LocalDate.of(2024, 6, 8);
        BarSeries s = ((FetchResult.Ok) SyntheticQuoteSource.create().fetch(Constituent.of("NVDA"), Y2024, to)).series();
        damagedEntryIsFetchedAgain(dir, "NVDA", Y2024, to, to, bytes -> withBarCount(bytes, s, 0x7ffffff0));
    }

    @Test
    void aLaterEndDateNeverShortensTheAnswer(@TempDir Path dir) throws IOException {
        LocalDate june = LocalDate.of(2024, 6, 1);
        // cached: January to May; the header now claims the whole year, and the whole year is asked for
        damagedEntryIsFetchedAgain(dir, "JPM", Y2024, june, Y2025, bytes -> {
            byte[] out = bytes.clone();
            System.arraycopy(bigEndian(Y2025.toEpochDay(), 8), 0, out, onlyOccurrence(bytes, bigEndian(june.toEpochDay(), 8)), 8);
            return out;
        });
    }

    @Test
    void anEntryOfAnotherSymbolIsNotTaken(@TempDir Path dir) throws IOException {
        CountingSource counting = new CountingSource();
        CachingQuoteSource cached = CachingQuoteSource.wrap(counting, dir, CLOCK);
        cached.fetch(Constituent.of("AAPL"), Y2024, Y2025);
        Path aapl = entry(dir);
        Files.copy(aapl, aapl.resolveSibling("MSFT.bars"));
        CountingSource again = new CountingSource();
        String log = StdErr.of(() -> assertThat(CachingQuoteSource.wrap(again, dir, CLOCK).fetch(Constituent.of("MSFT"), Y2024, Y2025))
                .isEqualTo(counting.inner.fetch(Constituent.of("MSFT"), Y2024, Y2025)));
        assertThat(again.calls).containsExactly("MSFT 2024-01-01 2025-01-01");
        assertThat(log).contains("WARN", aapl.resolveSibling("MSFT.bars").toString(), "AAPL");
    }

    @Test
    void anEntryOfTheFirstFormatIsFetchedAgain(@TempDir Path dir) throws IOException {
        // the first format: magic, version 1, from, to, count, dates, six columns, and no checksum
        BarSeries s = ((FetchResult.Ok) SyntheticQuoteSource.create().fetch(Constituent.of("XOM"), Y2024, Y2025)).series();
        Path file = Files.createDirectories(dir.resolve("counting")).resolve("XOM.bars");
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(0x48544143);
            out.writeInt(1);
            out.writeLong(Y2024.toEpochDay());
            out.writeLong(Y2025.toEpochDay());
            out.writeInt(s.size());
            for (int i = 0; i < s.size(); i++) out.writeInt(s.epochDay(i));
            for (Field f : Field.values()) for (double v : s.values(f)) out.writeDouble(v);
        }
        CountingSource counting = new CountingSource();
        assertThat(CachingQuoteSource.wrap(counting, dir, CLOCK).fetch(Constituent.of("XOM"), Y2024, Y2025)).isEqualTo(FetchResult.ok(s));
        assertThat(counting.calls).containsExactly("XOM 2024-01-01 2025-01-01");
        CountingSource again = new CountingSource();
        CachingQuoteSource.wrap(again, dir, CLOCK).fetch(Constituent.of("XOM"), Y2024, Y2025);
        assertThat(again.calls).isEmpty();
    }

    @Test
    void keysAreSafeFileNames() {
        assertThat(CachingQuoteSource.safeName("^GSPC")).isEqualTo("_5EGSPC");
        assertThat(CachingQuoteSource.safeName("yahoo https://x/y")).isEqualTo("yahoo_20https_3A_2F_2Fx_2Fy");
        assertThat(CachingQuoteSource.safeName("..")).startsWith("_");
    }
}
