package org.hybridta.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.hybridta.io.BarCsv;
import org.hybridta.source.Constituent;
import org.hybridta.source.FetchResult;
import org.hybridta.source.SyntheticQuoteSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Out of memory, in a JVM with a tiny heap ({@link CliProcess}): one line that names what did not fit, the heap's
 * limit and the fix, exit code 1 — never a stack trace; in {@code fetch}, only the symbol that did not fit fails; and a
 * {@code run} either fits, part by part, or is refused before any work.
 */
class OutOfMemoryTest {
    private static final Duration LIMIT = Duration.ofSeconds(180);
    private static final String HEAP = "(the Java heap is limited to ";

    @TempDir Path dir;

    /** A file of {@code rows} daily bars, far more than the small heap holds. */
    private static Path bigFile(Path file, int rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("date,open,high,low,close,adj_close,volume\n");
            LocalDate d = LocalDate.of(1000, 1, 1);
            for (int i = 0; i < rows; i++, d = d.plusDays(1)) {
                double c = 100 + (i % 1000) / 100.0;
                w.write(d + "," + c + "," + (c + 1) + "," + (c - 1) + "," + c + "," + c + ",1000\n");
            }
        }
        return file;
    }

    private static void oneLineNoStackTrace(CliProcess.Result r) {
        assertThat(r.err().lines().toList()).as(r.both()).hasSize(1);
        assertThat(r.err()).as(r.both()).startsWith("hybridta: ").contains("out of memory", HEAP, "give Java more heap (java -Xmx")
                .doesNotContain("\tat ", "Exception", "OutOfMemoryError");
    }

    @Test void runFitsASmallHeapPartByPart() throws Exception {
        // 25 years of the S&P 500 (3.2 million bars): in a 40 MB heap, written part by part
        Path out = dir.resolve("out");
        CliProcess.Result r = CliProcess.plain("small-heap-run", LIMIT, List.of("-Xmx40m"), "run", "--from", "2000-01-01", "--to", "2025-01-01",
                "--backend", "cpu", "--no-progress", "-o", out.toString());
        assertThat(r.exitCode()).as(r.both()).isZero();
        assertThat(r.out()).as(r.both()).contains("sp500: 503 of 503 symbols ok, 0 failed");
        assertThat(r.err()).as(r.both()).isEmpty();
        assertThat(out.resolve("indicators.csv")).exists();
    }

    @Test void runThatCannotFitIsRefusedBeforeAnyWork() throws Exception {
        Path quotes = Files.createDirectories(dir.resolve("quotes"));
        bigFile(quotes.resolve("BIG.csv"), 600_000);
        Path out = dir.resolve("out");
        CliProcess.Result r = CliProcess.plain("too-big-run", LIMIT, List.of("-Xmx24m"), "run", "--source", "csv:" + quotes, "--symbols", "BIG",
                "--from", "1000-01-01", "--to", "2700-01-01", "--backend", "cpu", "--no-progress", "-o", out.toString());
        assertThat(r.exitCode()).as(r.both()).isEqualTo(1);
        assertThat(r.err().lines().toList()).as(r.both()).singleElement().asString()
                .startsWith("hybridta: this run does not fit in memory: its longest series, ")
                .contains(HEAP, "give Java more heap (java -Xmx", "or a shorter date range").doesNotContain("\tat ", "Exception");
        assertThat(r.out()).as("nothing was computed").doesNotContain("symbols ok");
        assertThat(out).doesNotExist();
    }

    @Test void computeSaysWhatDidNotFit() throws Exception {
        Path big = bigFile(dir.resolve("big.csv"), 600_000);
        CliProcess.Result r = CliProcess.plain("oom-compute", LIMIT, List.of("-Xmx24m"), "compute", "-i", big.toString(), "--indicators", "ema:12",
                "-o", dir.resolve("out/x.csv").toString(), "--backend", "cpu");
        assertThat(r.exitCode()).as(r.both()).isEqualTo(1);
        oneLineNoStackTrace(r);
        assertThat(r.err()).startsWith("hybridta: out of memory reading --input " + big + " (");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test void fetchFailsOnlyTheSymbolThatDidNotFit() throws Exception {
        Path quotes = Files.createDirectories(dir.resolve("quotes"));
        bigFile(quotes.resolve("BIG.csv"), 600_000);
        for (String s : List.of("AAPL", "MSFT")) {
            BarCsv.write(quotes.resolve(s + ".csv"), ((FetchResult.Ok) SyntheticQuoteSource.create()
                    .fetch(Constituent.of(s), LocalDate.of(2023, 1, 1), LocalDate.of(2024, 1, 1))).series());
        }
        Path out = dir.resolve("out");
        CliProcess.Result r = CliProcess.plain("oom-fetch", LIMIT, List.of("-Xmx24m"), "fetch", "--source", "csv:" + quotes,
                "--symbols", "AAPL,BIG,MSFT", "--from", "1000-01-01", "--to", "2024-01-01", "--concurrency", "1", "--no-progress", "-o", out.toString());
        assertThat(r.exitCode()).as(r.both()).isEqualTo(3);
        assertThat(r.err()).as(r.both()).isEmpty();
        assertThat(r.out()).as(r.both()).contains("2 of 3 symbols fetched, 1 failed", "failed BIG: out of memory fetching BIG", HEAP)
                .doesNotContain("internal error");
        assertThat(out.resolve("AAPL.csv")).exists();
        assertThat(out.resolve("MSFT.csv")).exists();
        assertThat(Files.readAllLines(out.resolve("failures.csv"))).hasSize(2).last().asString().startsWith("BIG,error,");
    }
}
