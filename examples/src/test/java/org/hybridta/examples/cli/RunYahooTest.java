package org.hybridta.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hybridta.examples.cli.FetchCommandTest.DAYS;
import static org.hybridta.examples.cli.FetchCommandTest.FROM;
import static org.hybridta.examples.cli.FetchCommandTest.TO;
import static org.hybridta.examples.cli.FetchCommandTest.chart;
import static org.hybridta.examples.cli.FetchCommandTest.close;
import static org.hybridta.examples.cli.FetchCommandTest.filesUnder;
import static org.hybridta.examples.cli.FetchCommandTest.run;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hybridta.examples.cli.FetchCommandTest.Result;
import org.hybridta.yahoo.FakeYahoo;
import org.hybridta.yahoo.FakeYahoo.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hybridta run --source yahoo} against a local stand-in for Yahoo (never the real one), and its cache. */
class RunYahooTest {
    @TempDir Path dir;
    private FakeYahoo yahoo;

    @BeforeEach void start() throws IOException {
        yahoo = FakeYahoo.start().on("AAPL", Reply.ok(chart("AAPL", 180))).on("BRK-B", Reply.ok(chart("BRK-B", 400)))
                .on("MSFT", Reply.ok(chart("MSFT", 370)));
    }

    @AfterEach void stop() {
        yahoo.close();
    }

    private String[] runArgs(String symbols, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--source", "yahoo", "--yahoo-url", yahoo.url(), "--symbols", symbols,
                "--from", FROM.toString(), "--to", TO.toString(), "--indicators", "sma:2", "--backend", "cpu", "-o", out.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void computesWhatYahooSentAndListsTheFailures() throws IOException {
        Path out = dir.resolve("out");
        Result r = run(runArgs("AAPL,BRK.B,ZZZZ", out, "--cache", dir.resolve("cache").toString()));
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.out()).contains("custom: 2 of 3 symbols ok, 1 failed; 10 bars", "source yahoo (cached in ",
                "failed ZZZZ: symbol not found at Yahoo (\"No data found, symbol may be delisted\") (not_found)");
        List<String> lines = Files.readAllLines(out.resolve("indicators.csv"));
        assertThat(lines.get(0)).isEqualTo("date,symbol,open,high,low,close,adj_close,volume,sma_2");
        assertThat(lines).hasSize(1 + 10);
        List<String[]> brk = lines.stream().skip(1).map(l -> l.split(",", -1)).filter(c -> c[1].equals("BRK.B")).toList();
        assertThat(brk).extracting(c -> c[0]).containsExactlyElementsOf(DAYS.stream().map(Object::toString).toList());
        assertThat(brk.get(0)[8]).isEmpty();   // before sma:2's first value
        for (int i = 0; i < DAYS.size(); i++) {
            assertThat(Double.parseDouble(brk.get(i)[5])).isEqualTo(close(400, i));
            if (i > 0) {
                double sma = (close(400, i - 1) + close(400, i)) / 2;
                assertThat(Double.parseDouble(brk.get(i)[8])).isCloseTo(sma, within(1e-12 * sma));
            }
        }
        assertThat(yahoo.requests("BRK-B")).isEqualTo(1);
    }

    @Test
    void aSecondRunOverTheSameRangeMakesNoRequests() throws IOException {
        Path cache = dir.resolve("cache");
        Result first = run(runArgs("AAPL,BRK.B,MSFT", dir.resolve("o1"), "--cache", cache.toString()));
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(yahoo.totalRequests()).isEqualTo(3);

        Result second = run(runArgs("AAPL,BRK.B,MSFT", dir.resolve("o2"), "--cache", cache.toString()));
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(yahoo.totalRequests()).as("requests at the server after the second run").isEqualTo(3);
        assertThat(Files.readAllBytes(dir.resolve("o2/indicators.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("o1/indicators.csv")));

        // a narrower range is inside what is cached, too
        Result third = run("run", "--source", "yahoo", "--yahoo-url", yahoo.url(), "--symbols", "AAPL", "--from", FROM.plusDays(1).toString(),
                "--to", TO.toString(), "--indicators", "sma:2", "--cache", cache.toString(), "-o", dir.resolve("o3").toString());
        assertThat(third.code()).as(third.err()).isZero();
        assertThat(third.out()).contains("1 of 1 symbols ok, 0 failed; 4 bars");
        assertThat(yahoo.totalRequests()).isEqualTo(3);
    }

    @Test
    void yahooIsCachedByDefaultUnderTheUsersCacheDirectory() throws IOException {
        assumeTrue(System.getenv("XDG_CACHE_HOME") == null, "skipped: XDG_CACHE_HOME is set, so the default cache is not under user.home");
        Path home = Files.createDirectories(dir.resolve("home"));
        String saved = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            assertThat(run(runArgs("AAPL,MSFT", dir.resolve("o1"))).code()).isZero();
            assertThat(run(runArgs("AAPL,MSFT", dir.resolve("o2"))).code()).isZero();
            assertThat(yahoo.totalRequests()).isEqualTo(2);
            assertThat(filesUnder(home.resolve(".cache/hybridta"))).hasSize(3).allMatch(f -> f.startsWith("yahoo_40http"))   // "yahoo@http://127.0.0.1:port", file-name-safe
                    .anyMatch(f -> f.endsWith("/AAPL.bars")).anyMatch(f -> f.endsWith("/MSFT.bars"));

            // --no-cache asks Yahoo again
            assertThat(run(runArgs("AAPL,MSFT", dir.resolve("o3"), "--no-cache")).code()).isZero();
            assertThat(yahoo.totalRequests()).isEqualTo(4);
        } finally {
            System.setProperty("user.home", saved);
        }
    }

    @Test
    void localSourcesAreNotCachedByDefault() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        String saved = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            Result r = run("run", "--symbols", "AAPL", "--from", "2024-01-01", "--to", "2024-02-01", "-o", dir.resolve("o").toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("source synthetic").doesNotContain("cached");
            assertThat(filesUnder(home)).isEmpty();
        } finally {
            System.setProperty("user.home", saved);
        }
    }

    @Test
    void theDefaultCacheDirectoryFollowsXdg() {
        assertThat(CacheChoice.defaultDirectory(Map.of(), "/home/ann")).isEqualTo(Path.of("/home/ann/.cache/hybridta"));
        assertThat(CacheChoice.defaultDirectory(Map.of("XDG_CACHE_HOME", "/var/cache/ann"), "/home/ann"))
                .isEqualTo(Path.of("/var/cache/ann/hybridta"));
        // relative and empty values are to be ignored (XDG base directory specification)
        assertThat(CacheChoice.defaultDirectory(Map.of("XDG_CACHE_HOME", "cache"), "/home/ann")).isEqualTo(Path.of("/home/ann/.cache/hybridta"));
        assertThat(CacheChoice.defaultDirectory(Map.of("XDG_CACHE_HOME", ""), "/home/ann")).isEqualTo(Path.of("/home/ann/.cache/hybridta"));
    }

    @Test
    void badCacheOptionsGiveOneLineAndNoOutput() throws IOException {
        Path out = dir.resolve("out");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        List<Object[]> cases = List.of(
                new Object[] {runArgs("AAPL", out, "--cache", dir.resolve("c").toString(), "--no-cache"), 2, "--cache and --no-cache exclude each other"},
                new Object[] {runArgs("AAPL", out, "--cache", file.toString()), 1, "--cache " + file + ": " + file + " is a file, not a directory"},
                new Object[] {new String[] {"run", "--source", "synthetic", "--yahoo-url", yahoo.url(), "-o", out.toString()}, 2,
                        "--yahoo-url is for --source yahoo, not synthetic"},
                new Object[] {runArgs("AAPL", out, "--concurrency", "100"), 2, "--concurrency must be 1 to 64 for yahoo, was 100"});
        for (Object[] c : cases) {
            Result r = run((String[]) c[0]);
            assertThat(r.code()).as(String.join(" ", (String[]) c[0]) + " -> " + r.err()).isEqualTo(c[1]);
            assertThat(r.err()).startsWith("hybridta: ").contains((String) c[2]).doesNotContain("Exception", "\tat ");
            assertThat(r.err().lines()).hasSize(1);
            assertThat(out).doesNotExist();
        }
        assertThat(dir.resolve("c")).doesNotExist();
        assertThat(yahoo.totalRequests()).isZero();
    }
}
