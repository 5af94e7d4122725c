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

    @Test
    void keysAreSafeFileNames() {
        assertThat(CachingQuoteSource.safeName("^GSPC")).isEqualTo("_5EGSPC");
        assertThat(CachingQuoteSource.safeName("yahoo https://x/y")).isEqualTo("yahoo_20https_3A_2F_2Fx_2Fy");
        assertThat(CachingQuoteSource.safeName("..")).startsWith("_");
    }
}
