package org.hybridta.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

    @Test
    void aMissingDirectoryIsRefusedUpFront(@TempDir Path dir) {
        assertThatThrownBy(() -> CsvQuoteSource.of(dir.resolve("nope"))).hasMessageContaining("nope: no such directory");
    }
}
