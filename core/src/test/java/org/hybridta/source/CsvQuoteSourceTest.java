package org.hybridta.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.hybridta.BarSeries;
import org.hybridta.io.BarCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvQuoteSourceTest {
    private static final LocalDate FROM = LocalDate.of(2023, 1, 1), TO = LocalDate.of(2024, 1, 1);

    @Test
    void readsWhatFetchWritesAndCutsTheRange(@TempDir Path dir) throws IOException {
        BarSeries brk = ((FetchResult.Ok) SyntheticQuoteSource.create().fetch(Constituent.of("BRK.B"), FROM, TO)).series();
        BarCsv.write(dir.resolve("BRK.B.csv"), brk);
        CsvQuoteSource csv = CsvQuoteSource.of(dir);
        assertThat(((FetchResult.Ok) csv.fetch(Constituent.of("BRK.B"), FROM, TO)).series()).isEqualTo(brk);
        LocalDate mid = LocalDate.of(2023, 7, 1);
        assertThat(((FetchResult.Ok) csv.fetch(Constituent.of("BRK.B"), mid, TO)).series()).isEqualTo(brk.between(mid, TO));
        assertThat(csv.expectedBars(Constituent.of("BRK.B"), FROM, TO)).isBetween(150, 400);
        assertThat(csv.name()).isEqualTo("csv:" + dir);
    }

    @Test
    void missingMalformedAndOutOfRangeAreTypedFailures(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("BAD.csv"), "date,open,high,low,close,volume\n2023-01-03,1,2,0.5,x,100\n");
        Files.writeString(dir.resolve("OLD.csv"), "date,open,high,low,close,volume\n2010-01-04,1,2,0.5,1.5,100\n");
        CsvQuoteSource csv = CsvQuoteSource.of(dir);
        FetchResult.Failed missing = (FetchResult.Failed) csv.fetch(Constituent.of("NONE"), FROM, TO);
        assertThat(missing.kind()).isEqualTo(FailureKind.NOT_FOUND);
        assertThat(missing.reason()).isEqualTo("no file " + dir.resolve("NONE.csv"));
        FetchResult.Failed bad = (FetchResult.Failed) csv.fetch(Constituent.of("BAD"), FROM, TO);
        assertThat(bad.kind()).isEqualTo(FailureKind.BAD_DATA);
        assertThat(bad.reason()).contains("BAD.csv line 2", "column \"close\"", "\"x\" is not a number");
        FetchResult.Failed old = (FetchResult.Failed) csv.fetch(Constituent.of("OLD"), FROM, TO);
        assertThat(old.kind()).isEqualTo(FailureKind.NO_DATA);
        assertThat(old.reason()).contains("it covers 2010-01-04 to 2010-01-04");
    }

    // ---- links and untrusted content -----------------------------------------------------------------------------

    /** A file outside the folder that must never be read through a link, with a long secret first line. */
    private static Path secret(Path dir) throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        return Files.writeString(outside.resolve("shadow"), "root:$6$" + "S3CRET".repeat(80) + ":19000:0:99999:7:::\n");
    }

    @Test
    void linksOutOfTheFolderAreNotFollowed(@TempDir Path dir) throws IOException {
        Path quotes = Files.createDirectories(dir.resolve("quotes"));
        Files.createSymbolicLink(quotes.resolve("SHADOW.csv"), secret(dir));
        Files.createSymbolicLink(quotes.resolve("ENV.csv"), Path.of("/proc/self/environ"));
        Files.createSymbolicLink(quotes.resolve("UP.csv"), Path.of("../outside/shadow"));
        CsvQuoteSource csv = CsvQuoteSource.of(quotes);
        for (String symbol : List.of("SHADOW", "ENV", "UP")) {
            FetchResult.Failed f = (FetchResult.Failed) csv.fetch(Constituent.of(symbol), FROM, TO);
            assertThat(f.kind()).isEqualTo(FailureKind.ERROR);
            assertThat(f.reason()).isEqualTo(quotes.resolve(symbol + ".csv") + " is a link to a file outside " + quotes
                    + "; not followed (allow links out of the folder to read it)");
        }
        assertThat(csv.expectedBars(Constituent.of("SHADOW"), FROM, TO)).isZero();
    }

    @Test
    void linksInsideTheFolderAndAFolderThatIsALinkAreFine(@TempDir Path dir) throws IOException {
        BarSeries brk = ((FetchResult.Ok) SyntheticQuoteSource.create().fetch(Constituent.of("BRK.B"), FROM, TO)).series();
        Path real = Files.createDirectories(dir.resolve("real"));
        BarCsv.write(Files.createDirectories(real.resolve("2023")).resolve("brk.csv"), brk);
        Files.createSymbolicLink(real.resolve("BRK.B.csv"), Path.of("2023/brk.csv"));
        Path linked = Files.createSymbolicLink(dir.resolve("quotes"), real);
        assertThat(((FetchResult.Ok) CsvQuoteSource.of(linked).fetch(Constituent.of("BRK.B"), FROM, TO)).series()).isEqualTo(brk);
    }

    @Test
    void followingLinksOutIsAChoiceAndQuotedContentStaysShort(@TempDir Path dir) throws IOException {
        Path quotes = Files.createDirectories(dir.resolve("quotes"));
        Files.createSymbolicLink(quotes.resolve("SHADOW.csv"), secret(dir));
        CsvQuoteSource csv = CsvQuoteSource.builder(quotes).followLinksOutside(true).build();
        FetchResult.Failed f = (FetchResult.Failed) csv.fetch(Constituent.of("SHADOW"), FROM, TO);
        assertThat(f.kind()).isEqualTo(FailureKind.BAD_DATA);
        // the header is quoted, but no more than its first few characters
        assertThat(f.reason()).contains("missing columns", "the header is \"root:$6$S3CRET").endsWith("…\", expected "
                + "date,open,high,low,close,volume (adj_close optional)");
        assertThat(f.reason().length()).isLessThan(quotes.toString().length() + 260);
    }

    @Test
    void theFilesOwnRangeIsReadFromTheirFirstAndLastLines(@TempDir Path dir) throws IOException {
        SyntheticQuoteSource synthetic = SyntheticQuoteSource.create();
        BarCsv.write(dir.resolve("AAPL.csv"), ((FetchResult.Ok) synthetic.fetch(Constituent.of("AAPL"), LocalDate.of(2023, 3, 1), TO)).series());
        BarCsv.write(dir.resolve("MSFT.csv"), ((FetchResult.Ok) synthetic.fetch(Constituent.of("MSFT"), FROM, LocalDate.of(2023, 6, 1))).series());
        Files.writeString(dir.resolve("ODD.csv"), "Volume,Date,Close,High,Low,Open\n5,\"2022-12-30\",1,1,1,1\n\n");
        Files.writeString(dir.resolve("JUNK.csv"), "this is not a bar file");
        CsvQuoteSource csv = CsvQuoteSource.of(dir);
        assertThat(csv.span(List.of(Constituent.of("AAPL"), Constituent.of("MSFT"), Constituent.of("NONE"), Constituent.of("JUNK"))))
                .contains(new CsvQuoteSource.Span(LocalDate.of(2023, 1, 3), LocalDate.of(2023, 12, 29)));
        assertThat(csv.span(List.of(Constituent.of("ODD")))).contains(new CsvQuoteSource.Span(LocalDate.of(2022, 12, 30), LocalDate.of(2022, 12, 30)));
        assertThat(csv.span(List.of(Constituent.of("NONE"), Constituent.of("JUNK")))).isEmpty();
    }

    @Test
    void aMissingDirectoryIsRefusedUpFront(@TempDir Path dir) {
        assertThatThrownBy(() -> CsvQuoteSource.of(dir.resolve("nope"))).hasMessageContaining("nope: no such directory");
    }
}
