package org.hybridta.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hybridta.BarSeries;
import org.hybridta.io.BarCsv;
import org.hybridta.source.Constituent;
import org.hybridta.source.FetchResult;
import org.hybridta.source.SyntheticQuoteSource;
import org.hybridta.yahoo.ChartJson;
import org.hybridta.yahoo.FakeYahoo;
import org.hybridta.yahoo.FakeYahoo.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** End-to-end tests of {@code hybridta fetch}, against a local stand-in for Yahoo (never the real one). */
class FetchCommandTest {
    static final LocalDate FROM = LocalDate.of(2024, 1, 2), TO = LocalDate.of(2024, 1, 9);
    /** The trading days in [FROM, TO); the answers also carry a live row on TO, which must be dropped. */
    static final List<LocalDate> DAYS = List.of(FROM, FROM.plusDays(1), FROM.plusDays(2), FROM.plusDays(3), FROM.plusDays(6));

    @TempDir Path dir;
    private FakeYahoo yahoo;

    record Result(int code, String out, String err) {}

    @BeforeEach void start() throws IOException {
        yahoo = FakeYahoo.start();
    }

    @AfterEach void stop() {
        yahoo.close();
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cmd = HybridTa.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Every file under root, hidden temporary ones included, relative and sorted. */
    static List<String> filesUnder(Path root) throws IOException {
        if (!Files.exists(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    /** Prices of bar i of a symbol whose prices start at base: not whole numbers, so that precision shows. */
    static double open(double base, int i) { return base + i + 0.1; }
    static double high(double base, int i) { return base + i + 1.37; }
    static double low(double base, int i) { return base + i - 0.93; }
    static double close(double base, int i) { return base + i + 0.55; }
    static double adj(double base, int i) { return close(base, i) * 0.987654321; }
    static long volume(int i) { return 1_000_000L + 12_345L * i; }

    /** Yahoo's answer for a New York stock: the bars of DAYS, and a live row on TO. */
    static String chart(String yahooSymbol, double base) {
        ChartJson c = ChartJson.chart(yahooSymbol, "America/New_York");
        for (int i = 0; i < DAYS.size(); i++) {
            c.bar(DAYS.get(i), open(base, i), high(base, i), low(base, i), close(base, i), adj(base, i), volume(i));
        }
        return c.bar(TO, 1, 2, 0.5, 1.5, 1.5, 7).json();
    }

    /** The file fetch must write for such a symbol, line by line. */
    static List<String> expectedCsv(double base) {
        List<String> lines = new ArrayList<>();
        lines.add("date,open,high,low,close,adj_close,volume");
        for (int i = 0; i < DAYS.size(); i++) {
            lines.add(DAYS.get(i) + "," + open(base, i) + "," + high(base, i) + "," + low(base, i) + "," + close(base, i) + ","
                    + adj(base, i) + "," + volume(i));
        }
        return lines;
    }

    private String[] fetch(Path out, String symbols, String... more) {
        List<String> args = new ArrayList<>(List.of("fetch", "--symbols", symbols, "--from", FROM.toString(), "--to", TO.toString(),
                "--source", "yahoo", "--yahoo-url", yahoo.url(), "--output", out.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void writesOneFilePerSymbolAndListsTheFailures() throws IOException {
        yahoo.on("AAPL", Reply.ok(chart("AAPL", 180))).on("BRK-B", Reply.ok(chart("BRK-B", 400)));
        Path out = dir.resolve("quotes");
        Result r = run(fetch(out, "AAPL,BRK.B,ZZZZ"));

        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("custom: 2 of 3 symbols fetched, 1 failed; 10 bars from yahoo, 2024-01-02 to 2024-01-09 (exclusive)",
                "failed ZZZZ: symbol not found at Yahoo (\"No data found, symbol may be delisted\") (not_found)",
                "wrote 2 files to " + out, "wrote " + out.resolve("failures.csv") + " (1 failure)");
        // named as the universe lists it, fetched in Yahoo's form; nothing for the failed symbol, no temporary file
        assertThat(filesUnder(out)).containsExactly("AAPL.csv", "BRK.B.csv", "failures.csv");
        assertThat(Files.readAllLines(out.resolve("failures.csv"))).containsExactly("symbol,kind,message",
                "ZZZZ,not_found,\"symbol not found at Yahoo (\"\"No data found, symbol may be delisted\"\")\"");
        assertThat(Files.readAllLines(out.resolve("AAPL.csv"))).containsExactlyElementsOf(expectedCsv(180));
        assertThat(Files.readAllLines(out.resolve("BRK.B.csv"))).containsExactlyElementsOf(expectedCsv(400));
        assertThat(yahoo.requests("BRK-B")).isEqualTo(1);
        assertThat(yahoo.requests("BRK.B")).isZero();
        assertThat(yahoo.requests("ZZZZ")).isEqualTo(1);   // a 404 is not retried

        // the files read back to exactly the values Yahoo sent
        BarSeries aapl = BarCsv.read(out.resolve("AAPL.csv"), "AAPL");
        for (int i = 0; i < DAYS.size(); i++) {
            assertThat(aapl.adjClose()[i]).isEqualTo(adj(180, i));
            assertThat(aapl.close()[i]).isEqualTo(close(180, i));
        }
    }

    @Test
    void anAnswerForAnotherSymbolIsNeitherWrittenNorCached() throws IOException {
        yahoo.on("AAPL", Reply.ok(chart("AAPL", 180))).on("OTHER", Reply.ok(chart("ZZOTHER", 50)));
        Path out = dir.resolve("q");
        Result r = run(fetch(out, "AAPL,OTHER"));
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.out()).contains("failed OTHER: Yahoo answered with the chart of \"ZZOTHER\", not of OTHER (bad_data)");
        assertThat(filesUnder(out)).containsExactly("AAPL.csv", "failures.csv");

        Path cache = dir.resolve("cache");
        Result run = run("run", "--symbols", "AAPL,OTHER", "--from", FROM.toString(), "--to", TO.toString(), "--indicators", "ema:2",
                "--source", "yahoo", "--yahoo-url", yahoo.url(), "--cache", cache.toString(), "-o", dir.resolve("out").toString());
        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(filesUnder(cache).stream().filter(f -> f.endsWith(".bars")).map(f -> Path.of(f).getFileName().toString()))
                .containsExactly("AAPL.bars");
    }

    @Test
    void aCsvSourceWithoutDatesIsCopiedWhole() throws IOException {
        Path quotes = Files.createDirectories(dir.resolve("quotes"));
        BarSeries aapl = ((FetchResult.Ok) SyntheticQuoteSource.create()
                .fetch(Constituent.of("AAPL"), LocalDate.of(2022, 6, 1), LocalDate.of(2023, 6, 1))).series();
        BarCsv.write(quotes.resolve("AAPL.csv"), aapl);
        Path out = dir.resolve("copy");
        Result r = run("fetch", "--source", "csv:" + quotes, "--symbols", "AAPL", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("2022-06-01 to 2023-06-01 (exclusive)");
        assertThat(Files.readAllLines(out.resolve("AAPL.csv"))).isEqualTo(Files.readAllLines(quotes.resolve("AAPL.csv")));
    }

    @Test
    void theYahooSymbolIsNamedInTheFailure() throws IOException {
        yahoo.on("AAPL", Reply.ok(chart("AAPL", 180)));
        Result r = run(fetch(dir.resolve("q"), "AAPL,BRK.B"));
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("failed BRK.B (as BRK-B): symbol not found at Yahoo");
        assertThat(filesUnder(dir.resolve("q"))).containsExactly("AAPL.csv", "failures.csv");
    }

    @Test
    void allSucceededIsExitZero() throws IOException {
        yahoo.on("MSFT", Reply.ok(chart("MSFT", 370)));
        Result r = run(fetch(dir.resolve("q"), "MSFT"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 of 1 symbols fetched, 0 failed; 5 bars", "wrote 1 file to ").doesNotContain("failed MSFT");
        assertThat(filesUnder(dir.resolve("q"))).containsExactly("MSFT.csv");
    }

    @Test
    void nothingFetchedIsAFailureThatRecordsEveryFailure() throws IOException {
        Path out = dir.resolve("new/quotes");
        Result r = run(fetch(out, "ZZZZ,YYYY"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("hybridta: no symbol could be fetched (ZZZZ: symbol not found at Yahoo "
                + "(\"No data found, symbol may be delisted\"); and 1 more; all in " + out.resolve("failures.csv") + ")\n");
        assertThat(r.out()).contains("0 of 2 symbols fetched, 2 failed", "failed ZZZZ:", "failed YYYY:");
        assertThat(filesUnder(out)).containsExactly("failures.csv");
    }

    @Test
    void everyFailureIsInFailuresCsvWhileTheSummaryListsTheFirstFifty() throws IOException {
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < 60; i++) symbols.add("Z" + i);
        yahoo.on("AAPL", Reply.ok(chart("AAPL", 180)));
        Path out = dir.resolve("q");
        Files.createDirectories(out);
        Result r = run(fetch(out, "AAPL," + String.join(",", symbols)));
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out().lines().filter(l -> l.startsWith("failed "))).hasSize(50);
        assertThat(r.out()).contains("... and 10 more failures; all in " + out.resolve("failures.csv"),
                "wrote " + out.resolve("failures.csv") + " (60 failures)");
        List<String> rows = Files.readAllLines(out.resolve("failures.csv"));
        assertThat(rows).hasSize(61);
        assertThat(rows.stream().skip(1).map(l -> l.split(",")[0])).containsExactlyElementsOf(symbols);

        // a later run without failures removes the file: it would describe the run before
        Result again = run(fetch(out, "AAPL"));
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(filesUnder(out)).containsExactly("AAPL.csv");
    }

    @Test
    void aFileThatCannotBeWrittenFailsOnlyItsSymbol() throws IOException {
        yahoo.on("AAPL", Reply.ok(chart("AAPL", 180))).on("MSFT", Reply.ok(chart("MSFT", 370)));
        Path out = Files.createDirectories(dir.resolve("q"));
        Files.writeString(Files.createDirectories(out.resolve("AAPL.csv")).resolve("keep"), "x");   // a directory in the way
        Result r = run(fetch(out, "AAPL,MSFT"));
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("failed AAPL: cannot write " + out.resolve("AAPL.csv") + ": is a directory (error)");
        assertThat(filesUnder(out)).containsExactly("AAPL.csv", "AAPL.csv/keep", "MSFT.csv", "failures.csv");
    }

    @Test
    void neverMoreRequestsInFlightThanTheCap() throws IOException {
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String s = "S" + i;
            symbols.add(s);
            yahoo.on(s, Reply.ok(chart(s, 10 + i)));
        }
        yahoo.latency(60);
        Result r = run(fetch(dir.resolve("q3"), String.join(",", symbols), "--concurrency", "3"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(yahoo.maxInFlight()).isEqualTo(3);
        assertThat(filesUnder(dir.resolve("q3"))).hasSize(12);
    }

    @Test
    void theDefaultCapIsYahoos() throws IOException {
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String s = "S" + i;
            symbols.add(s);
            yahoo.on(s, Reply.ok(chart(s, 10 + i)));
        }
        yahoo.latency(60);
        assertThat(run(fetch(dir.resolve("q"), String.join(",", symbols))).code()).isZero();
        assertThat(yahoo.maxInFlight()).isEqualTo(4);
    }

    @Test
    void syntheticFilesFeedARunThatMatchesTheSyntheticRun() throws IOException {
        Path quotes = dir.resolve("quotes");
        // two years of history before the run's range: the files hold the warm-up the indicators need
        Result f = run("fetch", "--symbols", "AAPL,BRK.B", "--from", "2021-01-01", "--to", "2024-01-01", "--source", "synthetic",
                "-o", quotes.toString());
        assertThat(f.code()).as(f.err()).isZero();
        assertThat(filesUnder(quotes)).containsExactly("AAPL.csv", "BRK.B.csv");
        BarSeries expected = ((FetchResult.Ok) SyntheticQuoteSource.create()
                .fetch(Constituent.of("AAPL"), LocalDate.of(2021, 1, 1), LocalDate.of(2024, 1, 1))).series();
        assertThat(BarCsv.read(quotes.resolve("AAPL.csv"), "AAPL")).isEqualTo(expected);
        // made-up prices say so in the files, on every row
        List<String> file = Files.readAllLines(quotes.resolve("AAPL.csv"));
        assertThat(file.get(0)).isEqualTo("date,open,high,low,close,adj_close,volume,source");
        assertThat(file.subList(1, file.size())).allSatisfy(l -> assertThat(l).endsWith(",synthetic"));
        assertThat(f.out()).contains("bars from synthetic (made-up prices, not market data)");

        // full precision, and the warm-up read from the files: computing from them gives the very values of computing from
        // the source (whose output also says the prices are made up)
        String[] common = {"--symbols", "AAPL,BRK.B", "--from", "2023-01-01", "--to", "2024-01-01", "--backend", "cpu"};
        Result a = run(concat(new String[] {"run", "--source", "csv:" + quotes, "-o", dir.resolve("a").toString()}, common));
        Result b = run(concat(new String[] {"run", "--source", "synthetic", "-o", dir.resolve("b").toString()}, common));
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(b.code()).as(b.err()).isZero();
        List<String> fromSource = Files.readAllLines(dir.resolve("b/indicators.csv")).stream()
                .map(l -> l.replaceFirst(",(source|synthetic)$", "")).toList();
        assertThat(Files.readAllLines(dir.resolve("a/indicators.csv"))).isEqualTo(fromSource);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void badInputGivesOneLineAndNoOutput() throws IOException {
        Path out = dir.resolve("out");
        String o = out.toString(), url = yahoo.url();
        Path quotes = Files.createDirectories(dir.resolve("quotes"));
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {new String[] {"fetch", "--symbols", "AA PL", "--source", "yahoo", "--yahoo-url", url, "-o", o}, 2,
                "--symbols: \"AA PL\" is not a symbol"});
        cases.add(new Object[] {new String[] {"fetch", "--symbols", "AAPL/X", "--source", "yahoo", "--yahoo-url", url, "-o", o}, 2,
                "--symbols: symbol \"AAPL/X\" is not usable: it contains '/'"});
        cases.add(new Object[] {new String[] {"fetch", "--symbols", "BRK.B,BRK-B", "--source", "yahoo", "--yahoo-url", url, "-o", o}, 2,
                "--symbols: BRK-B is listed twice (as BRK.B)"});
        cases.add(new Object[] {new String[] {"fetch", "--symbols", "AAPL", "--from", "2024-05-01", "--to", "2024-01-01", "--source", "yahoo",
                "--yahoo-url", url, "-o", o}, 2, "--from 2024-05-01 must be before --to 2024-01-01"});
        cases.add(new Object[] {new String[] {"fetch", "--symbols", "AAPL", "--from", "2024-02-30", "--source", "yahoo", "-o", o}, 2,
                "'2024-02-30' is not a date (yyyy-MM-dd)"});
        cases.add(new Object[] {new String[] {"fetch", "--symbols", "AAPL", "--source", "bloomberg", "-o", o}, 2,
                "--source bloomberg: unknown source (choose yahoo, synthetic or csv:DIR)"});
        cases.add(new Object[] {new String[] {"fetch", "--symbols", "AAPL", "-o", o}, 2, "--source is missing: choose yahoo, synthetic or csv:DIR"});
        cases.add(new Object[] {new String[] {"fetch", "--symbols", "AAPL", "--source", "synthetic", "--yahoo-url", url, "-o", o}, 2,
                "--yahoo-url is for --source yahoo, not synthetic"});
        cases.add(new Object[] {new String[] {"fetch", "--symbols", "AAPL", "--source", "yahoo", "--yahoo-url", "ftp://example.com", "-o", o}, 2,
                "--yahoo-url: yahoo base URL \"ftp://example.com\" must start with https://"});
        cases.add(new Object[] {new String[] {"fetch", "--symbols", "AAPL", "--source", "yahoo", "--concurrency", "65", "-o", o}, 2,
                "--concurrency must be 1 to 64 for yahoo, was 65"});
        cases.add(new Object[] {new String[] {"fetch", "--symbols", "AAPL", "--source", "synthetic", "--concurrency", "0", "-o", o}, 2,
                "--concurrency must be >= 1, was 0"});
        cases.add(new Object[] {new String[] {"fetch", "--universe", "nasdaq", "--source", "synthetic", "-o", o}, 2,
                "--universe nasdaq: unknown universe"});
        cases.add(new Object[] {new String[] {"fetch", "--symbols", "AAPL", "--source", "synthetic"}, 2,
                "Missing required option: '--output=DIR'"});
        cases.add(new Object[] {new String[] {"fetch", "--symbols", "AAPL", "--source", "csv:" + dir.resolve("nope"), "-o", o}, 1,
                "nope: no such directory"});
        cases.add(new Object[] {new String[] {"fetch", "--symbols", "AAPL", "--source", "csv:" + quotes, "-o", quotes.toString()}, 2,
                "is the directory of --source csv:"});
        for (Object[] c : cases) {
            Result r = run((String[]) c[0]);
            assertThat(r.code()).as(String.join(" ", (String[]) c[0]) + " -> " + r.err()).isEqualTo(c[1]);
            assertThat(r.err()).startsWith("hybridta: ").contains((String) c[2]).doesNotContain("Exception", "\tat ");
            assertThat(r.err().lines()).hasSize(1);
            assertThat(out).doesNotExist();
            assertThat(filesUnder(quotes)).isEmpty();
        }
        assertThat(yahoo.totalRequests()).isZero();
    }

    @Test
    void anOutputThatIsAFileFailsBeforeAnyRequest() throws IOException {
        yahoo.on("AAPL", Reply.ok(chart("AAPL", 180)));
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        for (Path out : List.of(file, file.resolve("sub"))) {
            Result r = run(fetch(out, "AAPL"));
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("hybridta: --output " + out + ": " + file + " is a file, not a directory\n");
            assertThat(r.out()).isEmpty();
        }
        assertThat(Files.readString(file)).isEqualTo("x");
        assertThat(filesUnder(dir)).containsExactly("a-file");
        assertThat(yahoo.totalRequests()).isZero();
    }
}
