package org.hybridta.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hybridta.io.BarCsv;
import org.hybridta.source.Constituent;
import org.hybridta.source.FetchResult;
import org.hybridta.source.SyntheticQuoteSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code hybridta run --partitioner mpi} under {@code mpirun}, end to end: the ranks are real processes started as
 * a user starts them ({@link CliProcess}); every output is compared with the single-process run's.
 */
class DistributedRunTest {
    private static final Duration LIMIT = Duration.ofSeconds(180);
    /** The whole S&amp;P 500 over a fixed year (stable over time), default indicators. */
    private static final String[] SP500 = {"run", "--from", "2024-01-01", "--backend", "cpu", "--to", "2025-01-01"};

    @TempDir static Path shared;
    @TempDir Path dir;
    private static byte[] single;

    @BeforeAll static void singleProcessRun() throws Exception {
        CliProcess.assumeMpirun();
        CliProcess.Result r = CliProcess.plain("sp500-single", LIMIT, args(SP500, "-o", shared.resolve("single").toString()));
        assertThat(r.exitCode()).as(r.both()).isZero();
        single = Files.readAllBytes(shared.resolve("single/indicators.csv"));
        assertThat(single.length).as("the reference run wrote the S&P 500").isGreaterThan(10_000_000);
    }

    @ParameterizedTest(name = "{0} ranks")
    @ValueSource(ints = {1, 2, 3, 4})
    void writesTheSameBytesAsOneProcessAtAnyRankCount(int ranks) throws Exception {
        Path out = dir.resolve("mpi" + ranks);
        // "--backend cpu" before "--to": mpirun rewrites the argument after "cpu"; the command repairs it
        CliProcess.Result r = CliProcess.ranks("sp500-" + ranks + "-ranks", ranks, LIMIT, args(SP500, "--partitioner", "mpi", "-o", out.toString()));
        assertThat(r.exitCode()).as(r.both()).isZero();
        assertThat(Files.readAllBytes(out.resolve("indicators.csv"))).as(r.both()).isEqualTo(single);
        // the root alone reports, once
        assertThat(r.out().lines().filter(l -> l.startsWith("sp500: ")).toList()).as(r.both())
                .containsExactly("sp500: 503 of 503 symbols ok, 0 failed; 126,756 bars of synthetic prices (made up, not market data)");
        assertThat(r.out()).contains("partitioner mpi (" + ranks + (ranks == 1 ? " rank" : " ranks") + " on 1 host)");
        assertThat(r.errorLines()).as(r.both()).isEmpty();
        assertThat(filesUnder(out)).containsExactly("indicators.csv");
    }

    @Test void aRankWhoseSymbolsAllFailAndARankWithoutSymbolsTakePart() throws Exception {
        // AAPL and MSFT have files, ZZZZ has none: the plan (by expected bars, from the file sizes) gives AAPL and MSFT
        // a rank each, ZZZZ (0 bars expected) the third, and the fourth rank nothing
        Path quotes = Files.createDirectories(dir.resolve("quotes"));
        for (String s : List.of("AAPL", "MSFT")) {
            BarCsv.write(quotes.resolve(s + ".csv"), ((FetchResult.Ok) SyntheticQuoteSource.create()
                    .fetch(Constituent.of(s), LocalDate.of(2023, 1, 1), LocalDate.of(2024, 1, 1))).series());
        }
        String[] run = {"run", "--source", "csv:" + quotes, "--symbols", "AAPL,MSFT,ZZZZ", "--from", "2023-01-01", "--to", "2024-01-01",
                "--indicators", "sma:5,rsi:14,bbands:20:2", "--backend", "cpu"};
        CliProcess.Result one = CliProcess.plain("csv-single", LIMIT, args(run, "-o", dir.resolve("single").toString()));
        assertThat(one.exitCode()).as(one.both()).isEqualTo(HybridTa.PARTIAL);

        CliProcess.Result r = CliProcess.ranks("csv-4-ranks", 4, LIMIT, args(run, "--partitioner", "mpi", "-o", dir.resolve("mpi").toString()));
        assertThat(r.exitCode()).as("every rank exits with the root's code 3 (some symbols failed)\n" + r.both()).isEqualTo(HybridTa.PARTIAL);
        assertThat(r.out().lines().filter(l -> l.startsWith("custom: ")).toList()).as(r.both())
                .containsExactly("custom: 2 of 3 symbols ok, 1 failed; 500 bars");
        assertThat(r.out()).contains("failed ZZZZ: no file " + quotes.resolve("ZZZZ.csv") + " (not_found)", "partitioner mpi (4 ranks on 1 host)");
        assertThat(Files.readAllBytes(dir.resolve("mpi/indicators.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("single/indicators.csv")));
        assertThat(r.errorLines()).as(r.both()).isEmpty();
    }

    @Test void aComputeFailingOnOneRankFailsOnlyThatRanksSymbols() throws Exception {
        String[] run = {"run", "--symbols", "AAPL,MSFT,NVDA,XOM,JPM,BRK.B", "--from", "2024-01-01", "--to", "2024-07-01",
                "--backend", "failing-on-rank-1", "--indicators", "ema:12,macd:12:26:9"};
        CliProcess.Result one = CliProcess.plain("rank1-single", LIMIT, args(run, "-o", dir.resolve("single").toString()));
        assertThat(one.exitCode()).as(one.both()).isZero();

        CliProcess.Result r = CliProcess.ranks("rank1-3-ranks", 3, LIMIT, args(run, "--partitioner", "mpi", "-o", dir.resolve("mpi").toString()));
        assertThat(r.exitCode()).as(r.both()).isEqualTo(HybridTa.PARTIAL);
        assertThat(r.out()).as(r.both()).contains("custom: 4 of 6 symbols ok, 2 failed");
        Set<String> failed = matches(r.out(), "failed (\\S+): compute failed: the device was lost while computing \\(error\\)");
        assertThat(failed).as(r.both()).hasSize(2);
        // the other ranks' symbols are written exactly as one process writes them
        List<String> expected = Files.readAllLines(dir.resolve("single/indicators.csv")).stream()
                .filter(l -> !failed.contains(l.split(",")[1])).toList();
        assertThat(Files.readAllLines(dir.resolve("mpi/indicators.csv"))).isEqualTo(expected);
    }

    @Test void anOutputRankZeroCannotWriteFailsEveryRankAtOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliProcess.Result r = CliProcess.ranks("unwritable-3-ranks", 3, LIMIT, "run", "--partitioner", "mpi", "--symbols", "AAPL,MSFT",
                "--from", "2024-01-01", "--to", "2024-03-01", "-o", file.resolve("out").toString());
        assertThat(r.exitCode()).as(r.both()).isEqualTo(HybridTa.FAILED);
        assertThat(r.errorLines()).as("one line, from the root\n" + r.both())
                .containsExactly("hybridta: cannot write output: " + file.resolve("out") + ": " + file + " is a file, not a directory");
        assertThat(r.out()).as("nothing was computed").doesNotContain("symbols ok");
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(60));
    }

    @Test void aWriteFailingAfterTheGatherFailsEveryRank() throws Exception {
        // the output directory is writable, but indicators.csv is a directory: the CSV sink fails when it moves its file there
        Path out = dir.resolve("out");
        Files.writeString(Files.createDirectories(out.resolve("indicators.csv")).resolve("keep"), "x");
        CliProcess.Result r = CliProcess.ranks("write-fails-3-ranks", 3, LIMIT, "run", "--partitioner", "mpi", "--symbols", "AAPL,MSFT,NVDA",
                "--from", "2024-01-01", "--to", "2024-03-01", "-o", out.toString());
        assertThat(r.exitCode()).as(r.both()).isEqualTo(HybridTa.FAILED);
        assertThat(r.errorLines()).as(r.both()).hasSize(1);
        assertThat(r.errorLines().get(0)).as(r.both()).startsWith("hybridta: cannot write output: ").contains("indicators.csv");
        assertThat(filesUnder(out)).as("no temporary file left behind").containsExactly("indicators.csv/keep");
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(60));
    }

    @Test void leasesOfOneDevicePassBetweenRanksWithoutOverlap() throws Exception {
        String[] run = {"run", "--symbols", "AAPL,MSFT,NVDA,XOM,JPM,BRK.B", "--from", "2024-01-01", "--to", "2024-07-01",
                "--backend", "fake-device", "--indicators", "ema:12,rsi:14"};
        CliProcess.Result one = CliProcess.plain("lease-single", LIMIT, args(run, "-o", dir.resolve("single").toString()));
        assertThat(one.exitCode()).as(one.both()).isZero();

        CliProcess.Result r = CliProcess.ranks("lease-3-ranks", 3, LIMIT, args(run, "--partitioner", "mpi", "-v", "-o", dir.resolve("mpi").toString()));
        assertThat(r.exitCode()).as(r.both()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("mpi/indicators.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("single/indicators.csv")));
        // each rank got the device for each of its parts and gave it back; the log never shows two holders at once
        List<String> lease = r.err().lines().filter(l -> l.contains("lease: rank ")).toList();
        assertThat(lease.stream().filter(l -> l.contains(" got device 0 ")).map(l -> l.replaceAll(".*lease: (rank \\d+) .*", "$1")).distinct()
                .sorted()).as(r.both()).containsExactly("rank 0", "rank 1", "rank 2");
        assertThat(lease.stream().filter(l -> l.contains(" got device 0 ")).count()).as(r.both())
                .isEqualTo(lease.stream().filter(l -> l.contains(" released device 0 ")).count());
        assertThat(LeaseLog.maxHolders(lease)).as(String.join("\n", lease)).isEqualTo(1);
    }

    @Test void aRankThatCannotFollowTheRootSaysWhyAndEndsTheJob() throws Exception {
        // rank 0 chooses a backend the other ranks cannot open: they cannot take part, and the root would wait for them
        Path out = dir.resolve("out");
        CliProcess.Result r = CliProcess.ranks("cannot-follow-3-ranks", 3, LIMIT, "run", "--partitioner", "mpi", "--symbols", "AAPL,MSFT,NVDA",
                "--from", "2024-01-01", "--to", "2024-03-01", "--backend", "only-on-rank-0", "-o", out.toString());
        assertThat(r.exitCode()).as(r.both()).isNotZero();
        assertThat(r.errorLines()).as(r.both()).isNotEmpty().allSatisfy(l -> assertThat(l)
                .matches("hybridta: rank [12] of 3 on \\S+: backend only-on-rank-0 cannot run here: not rank 0; .*"));
        assertThat(r.err()).contains("aborting the MPI job");
        assertThat(r.out()).doesNotContain("symbols ok");
        assertThat(out.resolve("indicators.csv")).doesNotExist();
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(60));
    }

    @Test void aStoppedRankEndsTheJobAfterTheProgressTimeoutWithOneLineNamingIt() throws Exception {
        Path out = dir.resolve("out");
        CliProcess.Result r = CliProcess.ranks("stopped-rank-3-ranks", 3, LIMIT, "run", "--partitioner", "mpi", "--symbols", "AAPL,MSFT,NVDA",
                "--from", "2024-01-01", "--to", "2024-03-01", "--backend", "stopping-on-rank-1", "--progress-timeout", "3", "-o", out.toString());
        assertThat(r.exitCode()).as(r.both()).isNotZero();
        assertThat(r.errorLines()).as(r.both()).singleElement().asString()
                .matches("hybridta: rank 1 of 3 has given no sign of life for \\d+ s, longer than the progress timeout \\(3 s\\): "
                        + "it is stopped, hung or unreachable; ending the job");
        assertThat(r.out()).doesNotContain("symbols ok");
        assertThat(out.resolve("indicators.csv")).doesNotExist();
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(60));
    }

    @Test void withoutMpirunTheMpiPartitionerSaysHowToStart() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cmd = HybridTa.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute("run", "--partitioner", "mpi", "--symbols", "AAPL", "-o", dir.resolve("out").toString());
        assertThat(code).isEqualTo(HybridTa.FAILED);
        assertThat(err.toString().lines().toList()).singleElement().asString()
                .startsWith("hybridta: --partitioner mpi: not started by mpirun: run as 'mpirun -np N java …'");
        assertThat(out.toString()).isEmpty();
        assertThat(dir.resolve("out")).doesNotExist();
    }

    private static String[] args(String[] base, String... more) {
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }

    private static Set<String> matches(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        Set<String> found = new java.util.TreeSet<>();
        while (m.find()) found.add(m.group(1));
        return found;
    }

    private static List<String> filesUnder(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().collect(Collectors.toList());
        }
    }
}
