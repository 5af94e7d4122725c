package org.hybridta.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hybridta.examples.cli.FetchCommandTest.FROM;
import static org.hybridta.examples.cli.FetchCommandTest.TO;
import static org.hybridta.examples.cli.FetchCommandTest.chart;
import static org.hybridta.examples.cli.FetchCommandTest.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.hybridta.examples.cli.FetchCommandTest.Result;
import org.hybridta.yahoo.FakeYahoo;
import org.hybridta.yahoo.FakeYahoo.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Yahoo options of {@code run} and {@code fetch}, and what they say when Yahoo cannot be reached. */
class YahooOptionsTest {
    @TempDir Path dir;
    private FakeYahoo yahoo;

    @BeforeEach void start() throws IOException {
        yahoo = FakeYahoo.start();
    }

    @AfterEach void stop() {
        yahoo.close();
    }

    private static String manySymbols(int n) {
        StringJoiner j = new StringJoiner(",");
        for (int i = 0; i < n; i++) j.add("S" + i);
        return j.toString();
    }

    @Test
    void withNoServerFetchStopsEarlyWithOneLine() throws IOException {
        String url = FakeYahoo.refusingUrl();
        Path out = dir.resolve("q");
        long t0 = System.nanoTime();
        Result r = run("fetch", "--source", "yahoo", "--yahoo-url", url, "--symbols", manySymbols(200), "--from", FROM.toString(),
                "--to", TO.toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("hybridta: cannot reach " + url.substring(7) + ": connection refused; check the network or proxy"
                + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
        // 4 attempts with backoff for the first symbols only, not 200 x 4
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void withNoServerRunStopsEarlyWithOneLine() throws IOException {
        String url = FakeYahoo.refusingUrl();
        Result r = run("run", "--source", "yahoo", "--yahoo-url", url, "--no-cache", "--symbols", manySymbols(100), "--from", FROM.toString(),
                "--to", TO.toString(), "--yahoo-attempts", "1", "-o", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("hybridta: cannot reach " + url.substring(7) + ": connection refused; check the network or proxy"
                + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void theTimeoutsAttemptsAndDeadlineCanBeSet() {
        yahoo.on("AAPL", Reply.ok(chart("AAPL", 180)).trickled(200));
        long t0 = System.nanoTime();
        Result r = run("fetch", "--source", "yahoo", "--yahoo-url", yahoo.url(), "--symbols", "AAPL", "--from", FROM.toString(),
                "--to", TO.toString(), "--yahoo-attempts", "1", "--yahoo-connect-timeout", "2s", "--yahoo-timeout", "1500ms",
                "--yahoo-deadline", "1s", "-o", dir.resolve("q").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("AAPL: no complete answer from 127.0.0.1 within the deadline of 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(yahoo.requests("AAPL")).isEqualTo(1);
    }

    @Test
    void badValuesAreUsageErrors() {
        String o = dir.resolve("q").toString(), url = yahoo.url();
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"--yahoo-attempts 0", "--yahoo-attempts must be 1 to 20, was 0", "yahoo"});
        cases.add(new String[] {"--yahoo-timeout abc", "'abc' is not a duration (e.g. 30s, 500ms, 2m)", "yahoo"});
        cases.add(new String[] {"--yahoo-deadline 0s", "--yahoo-deadline must be positive", "yahoo"});
        cases.add(new String[] {"--yahoo-connect-timeout -1s", "is not a duration", "yahoo"});
        cases.add(new String[] {"--yahoo-deadline 1m", "--yahoo-deadline is for --source yahoo, not synthetic", "synthetic"});
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("fetch", "--symbols", "AAPL", "--source", c[2], "-o", o));
            if (c[2].equals("yahoo")) args.addAll(List.of("--yahoo-url", url));
            args.addAll(List.of(c[0].split(" ")));
            Result r = run(args.toArray(String[]::new));
            assertThat(r.code()).as(c[0] + " -> " + r.err()).isEqualTo(2);
            assertThat(r.err()).startsWith("hybridta: ").contains(c[1]);
            assertThat(r.err().lines()).hasSize(1);
        }
        assertThat(yahoo.totalRequests()).isZero();
        assertThat(dir.resolve("q")).doesNotExist();
    }
}
