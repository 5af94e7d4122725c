package org.hybridta.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hybridta.examples.cli.FetchCommandTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hybridta.io.BarCsv;
import org.hybridta.source.Constituent;
import org.hybridta.source.FetchResult;
import org.hybridta.source.SyntheticQuoteSource;
import org.hybridta.examples.cli.FetchCommandTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir Path dir;

    /** Regular files only (FetchCommandTest's helper lists directories too). */
    private List<String> filesUnder(Path root) throws IOException {
        if (!Files.exists(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void smallUniverseEndToEnd() throws IOException {
        Path out = dir.resolve("out");
        Result r = run("run", "--symbols", "AAPL,BRK.B,XOM", "--from", "2023-01-01", "--to", "2024-01-01",
                "--indicators", "ema:12,rsi:14,bbands:20:2", "--output", out.toString(), "--chart", "BRK.B", "--backend", "cpu");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("custom: 3 of 3 symbols ok, 0 failed; 750 bars of synthetic prices (made up, not market data)",
                "backend cpu", "time: partition", "wrote " + out.resolve("indicators.csv"), "wrote " + out.resolve("charts/BRK.B.png"));
        List<String> lines = Files.readAllLines(out.resolve("indicators.csv"));
        assertThat(lines.get(0)).isEqualTo("date,symbol,open,high,low,close,adj_close,volume,ema_12,rsi_14,"
                + "bbands_20_2_2_sma_upperband,bbands_20_2_2_sma_middleband,bbands_20_2_2_sma_lowerband,source");
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).endsWith(",synthetic"));
        assertThat(lines).hasSize(751);
        assertThat(lines.stream().skip(1).map(l -> l.split(",")[1]).distinct()).containsExactly("AAPL", "BRK.B", "XOM");
        assertThat(filesUnder(out)).containsExactly("charts/BRK.B.png", "indicators.csv");
    }

    @Test
    void theSyntheticMarketRefusesSymbolsItDoesNotHaveUnlessAskedForAny() throws IOException {
        Result r = run("run", "--symbols", "AAPL,ZZZZ,NOTREAL", "--from", "2024-01-01", "--to", "2024-03-01", "--indicators", "ema:5",
                "-o", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("custom: 1 of 3 symbols ok, 2 failed",
                "failed ZZZZ: ZZZZ is not in the synthetic market, which has the S&P 500's symbols");
        Result any = run("run", "--source", "synthetic:any", "--symbols", "AAPL,ZZZZ,NOTREAL", "--from", "2024-01-01", "--to", "2024-03-01",
                "--indicators", "ema:5", "-o", dir.resolve("any").toString());
        assertThat(any.code()).as(any.err()).isZero();
        assertThat(any.out()).contains("3 of 3 symbols ok", "of synthetic prices", "source synthetic:any");
    }

    @Test
    void theSyntheticMarketHasNoFuture() {
        java.time.LocalDate tomorrow = java.time.LocalDate.now().plusDays(1);
        Result r = run("run", "--symbols", "AAPL", "--from", "2024-01-01", "--to", "2030-01-01", "-o", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--to 2030-01-01: the synthetic market has no bars after today (" + tomorrow.minusDays(1)
                + "); give --to " + tomorrow + " or earlier").hasLineCount(1);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void severalWorkersSayWhoComputedWhat() throws IOException {
        Result r = run("run", "--symbols", "AAPL,MSFT,NVDA", "--from", "2024-01-01", "--to", "2024-03-01", "--indicators", "ema:5",
                "--partitioner", "local:2", "--backend", "cpu", "--no-progress", "-o", dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("part "))).hasSize(2)
                .allMatch(l -> l.matches("part [01]: [12] symbols, [\\d,]+ bars on cpu \\(.*\\); fetch .*, compute .*"), "a part line");
    }

    @Test
    void twoRunsWriteIdenticalFiles() throws IOException {
        for (String o : List.of("a", "b")) {
            assertThat(run("run", "--symbols", "MSFT,NVDA", "--from", "2024-01-01", "--to", "2024-06-01", "-o", dir.resolve(o).toString()).code()).isZero();
        }
        assertThat(Files.readAllBytes(dir.resolve("a/indicators.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("b/indicators.csv")));
    }

    @Test
    void csvSourceWithAMissingSymbolIsAPartialSuccess() throws IOException {
        Path quotes = Files.createDirectories(dir.resolve("quotes"));
        BarCsv.write(quotes.resolve("AAPL.csv"), ((FetchResult.Ok) SyntheticQuoteSource.create()
                .fetch(Constituent.of("AAPL"), java.time.LocalDate.of(2023, 1, 1), java.time.LocalDate.of(2024, 1, 1))).series());
        Result r = run("run", "--source", "csv:" + quotes, "--symbols", "AAPL,ZZZZ", "--from", "2023-01-01", "--to", "2024-01-01",
                "-o", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("1 of 2 symbols ok, 1 failed", "failed ZZZZ: no file " + quotes.resolve("ZZZZ.csv") + " (not_found)");
        assertThat(Files.readAllLines(dir.resolve("out/indicators.csv"))).hasSize(1 + 250);
    }

    @Test
    void theHelpsCsvExampleUsesTheFilesOwnRange() throws IOException {
        // as after 'fetch --from 2023-01-01 --to 2024-01-01': files of a past year, and no --from/--to in the run
        Path quotes = Files.createDirectories(dir.resolve("quotes"));
        for (String s : List.of("AAPL", "MSFT")) {
            BarCsv.write(quotes.resolve(s + ".csv"), ((FetchResult.Ok) SyntheticQuoteSource.create()
                    .fetch(Constituent.of(s), java.time.LocalDate.of(2023, 1, 1), java.time.LocalDate.of(2024, 1, 1))).series());
        }
        Path out = dir.resolve("out");
        Result r = run("run", "--source", "csv:" + quotes, "--symbols", "AAPL,MSFT", "--indicators", "sma:50,sma:200,rsi:14",
                "--output", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("indicators.csv"));
        assertThat(lines).hasSize(1 + 2 * 250);
        assertThat(lines.get(1)).startsWith("2023-01-03,AAPL,");
        assertThat(lines.get(lines.size() - 1)).startsWith("2023-12-29,MSFT,");
        // one end given: the other is the files'
        Result from = run("run", "--source", "csv:" + quotes, "--symbols", "AAPL", "--from", "2023-12-01", "--indicators", "sma:2",
                "--output", dir.resolve("out2").toString());
        assertThat(from.code()).as(from.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("out2/indicators.csv"))).hasSize(1 + 20);
    }

    @Test
    void linksOutOfACsvFolderAreFollowedOnlyWhenAsked() throws IOException {
        Path quotes = Files.createDirectories(dir.resolve("quotes")), elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        BarCsv.write(elsewhere.resolve("aapl.csv"), ((FetchResult.Ok) SyntheticQuoteSource.create()
                .fetch(Constituent.of("AAPL"), java.time.LocalDate.of(2023, 1, 1), java.time.LocalDate.of(2024, 1, 1))).series());
        Files.createSymbolicLink(quotes.resolve("AAPL.csv"), elsewhere.resolve("aapl.csv"));
        String[] args = {"run", "--source", "csv:" + quotes, "--symbols", "AAPL", "--from", "2023-01-01", "--to", "2024-01-01",
                "--indicators", "sma:2", "-o", dir.resolve("out").toString()};
        Result refused = run(args);
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("AAPL.csv is a link to a file outside " + quotes + "; not followed");
        Result followed = run(concat(args, "--csv-follow-links"));
        assertThat(followed.code()).as(followed.err()).isZero();
        Result wrongSource = run("run", "--csv-follow-links", "--symbols", "AAPL", "-o", dir.resolve("x").toString());
        assertThat(wrongSource.code()).isEqualTo(2);
        assertThat(wrongSource.err()).contains("--csv-follow-links is for --source csv:DIR, not synthetic");
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void nothingComputedIsAFailureThatRecordsEveryFailureAndWritesNothingElse() throws IOException {
        Path quotes = Files.createDirectories(dir.resolve("empty"));
        Path out = dir.resolve("out");
        Result r = run("run", "--source", "csv:" + quotes, "--symbols", "AAA,BBB", "-o", out.toString(), "--from", "2023-01-01");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("hybridta: no symbol could be computed (AAA: no file ")
                .endsWith("; and 1 more; all in " + out.resolve("failures.csv") + ")\n");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(filesUnder(out)).containsExactly("failures.csv");
        assertThat(Files.readAllLines(out.resolve("failures.csv"))).hasSize(3).first().isEqualTo("symbol,kind,message");
    }

    @Test
    void everyFailureIsInFailuresCsvWhileTheSummaryListsTheFirstTwenty() throws IOException {
        Path quotes = Files.createDirectories(dir.resolve("quotes"));
        BarCsv.write(quotes.resolve("AAPL.csv"), ((FetchResult.Ok) SyntheticQuoteSource.create()
                .fetch(Constituent.of("AAPL"), java.time.LocalDate.of(2023, 1, 1), java.time.LocalDate.of(2024, 1, 1))).series());
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < 25; i++) missing.add("Z" + i);
        Path out = dir.resolve("out");
        Result r = run("run", "--source", "csv:" + quotes, "--symbols", "AAPL," + String.join(",", missing), "--from", "2023-01-01",
                "--to", "2024-01-01", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.out().lines().filter(l -> l.startsWith("failed "))).hasSize(20);
        assertThat(r.out()).contains("... and 5 more failures; all in " + out.resolve("failures.csv"),
                "wrote " + out.resolve("failures.csv") + " (25 failures)");
        List<String> rows = Files.readAllLines(out.resolve("failures.csv"));
        assertThat(rows).hasSize(26).first().isEqualTo("symbol,kind,message");
        assertThat(rows.stream().skip(1).map(l -> l.split(",")[0])).containsExactlyElementsOf(missing);
        assertThat(rows.get(1)).isEqualTo("Z0,not_found,no file " + quotes.resolve("Z0.csv"));

        Result again = run("run", "--source", "csv:" + quotes, "--symbols", "AAPL", "--from", "2023-01-01", "--to", "2024-01-01", "-o", out.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(filesUnder(out)).as("no failures: the earlier run's list is gone").containsExactly("indicators.csv");
    }

    @Test
    void badInputGivesOneLineAndNoOutput() throws IOException {
        Path out = dir.resolve("out");
        String o = out.toString();
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {new String[] {"run", "--from", "2024-05-01", "--to", "2024-01-01", "-o", o}, 2, "--from 2024-05-01 must be before --to 2024-01-01"});
        cases.add(new Object[] {new String[] {"run", "--from", "2024-13-01", "-o", o}, 2, "'2024-13-01' is not a date (yyyy-MM-dd)"});
        cases.add(new Object[] {new String[] {"run", "--symbols", ",", "-o", o}, 2, "--symbols: no symbols given; the universe would be empty"});
        cases.add(new Object[] {new String[] {"run", "--symbols", "AA PL", "-o", o}, 2, "--symbols: \"AA PL\" is not a symbol"});
        cases.add(new Object[] {new String[] {"run", "--universe", "nasdaq", "-o", o}, 2, "--universe nasdaq: unknown universe (known: sp500)"});
        cases.add(new Object[] {new String[] {"run", "--universe", "sp500", "--symbols", "A", "-o", o}, 2, "mutually exclusive"});
        cases.add(new Object[] {new String[] {"run", "--source", "csv:" + dir.resolve("nope"), "-o", o}, 1, "nope: no such directory"});
        cases.add(new Object[] {new String[] {"run", "--source", "bloomberg", "-o", o}, 2, "--source bloomberg: unknown source"});
        cases.add(new Object[] {new String[] {"run", "--indicators", "ema:0", "-o", o}, 2, "--indicators: 'ema:0': timeperiod must be in [2, 100000], was 0"});
        cases.add(new Object[] {new String[] {"run", "--chart", "ZZZZ", "-o", o}, 2, "--chart ZZZZ: not in the universe"});
        cases.add(new Object[] {new String[] {"run", "--backend", "tpu", "-o", o}, 2, "--backend tpu: unknown backend"});
        cases.add(new Object[] {new String[] {"run", "--partitioner", "local:0", "-o", o}, 2, "expected local:N with N >= 1"});
        for (Object[] c : cases) {
            Result r = run((String[]) c[0]);
            assertThat(r.code()).as(String.join(" ", (String[]) c[0]) + " -> " + r.err()).isEqualTo(c[1]);
            assertThat(r.err()).startsWith("hybridta: ").contains((String) c[2]).doesNotContain("Exception", "\tat ");
            assertThat(r.err().lines()).hasSize(1);
            assertThat(filesUnder(out)).isEmpty();
        }
    }

    @Test
    void cudaWithoutAGpuSaysWhyAndHowToFix() throws IOException {
        org.hybridta.backend.BackendProvider cuda = org.hybridta.backend.Backends.providers().stream()
                .filter(p -> p.name().equals("cuda")).findFirst().orElseThrow();
        org.junit.jupiter.api.Assumptions.assumeFalse(cuda.availability().available(), "this machine has a usable GPU");
        Result r = run("run", "--symbols", "AAPL", "--backend", "cuda", "-o", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("hybridta: backend cuda cannot run here: ").contains("--backend cpu").doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(filesUnder(dir.resolve("out"))).isEmpty();
    }

    @Test
    void unwritableOutputFailsBeforeWork() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Result r = run("run", "--symbols", "AAPL", "-o", file.resolve("sub").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("hybridta: cannot write output: ").doesNotContain("\tat ");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void cacheServesTheSecondRun() throws IOException {
        Path cache = dir.resolve("cache");
        assertThat(run("run", "--symbols", "AAPL,MSFT", "--from", "2024-01-01", "--to", "2024-03-01", "--cache", cache.toString(),
                "-o", dir.resolve("o1").toString()).code()).isZero();
        assertThat(filesUnder(cache)).containsExactly("synthetic-42/AAPL.bars", "synthetic-42/MSFT.bars");
        assertThat(run("run", "--symbols", "AAPL,MSFT", "--from", "2024-01-01", "--to", "2024-03-01", "--cache", cache.toString(),
                "-o", dir.resolve("o2").toString()).code()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("o2/indicators.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("o1/indicators.csv")));
    }
}
