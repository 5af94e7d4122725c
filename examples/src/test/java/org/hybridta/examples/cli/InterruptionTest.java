package org.hybridta.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped while it writes its CSV — Ctrl-C, SIGTERM, mpirun stopped, a rank killed — leaves no temporary file and
 * no folder it created, and says so in one line; a temporary left by a process killed outright is removed by the next
 * run that writes there. The runs are real processes ({@link CliProcess}), signalled as soon as the temporary file appears.
 */
class InterruptionTest {
    private static final Duration LIMIT = Duration.ofSeconds(240);
    /**
     * 25 years of the S&amp;P 500 with 13 indicators: a CSV written for many seconds, so that a signal sent once the
     * temporary file appears lands in the write (15 years of three indicators are written in under 3 s).
     */
    private static final String[] BIG_RUN = {"run", "--from", "2000-01-01", "--to", "2025-01-01", "--indicators",
            "sma:20,ema:20,wma:20,dema:20,tema:20,rsi:14,macd:12:26:9,bbands:20:2,atr:14,adx:14,cci:20,willr:14,mfi:14", "--backend", "cpu", "--no-progress"};
    private static final Pattern TEMPORARY = Pattern.compile("\\.indicators\\.csv\\.\\S+\\.part");
    private static final String LINE = "hybridta: interrupted before the end; no unfinished file is left";

    @TempDir Path dir;

    @Test void sigtermWhileWritingLeavesNothingBehindAndSaysSo() throws Exception {
        Path out = dir.resolve("new/out");
        CliProcess.Running run = CliProcess.launch("sigterm-mid-write", args(BIG_RUN, "-o", out.toString()));
        awaitTemporary(out, run);
        run.process().destroy();   // SIGTERM
        CliProcess.Result r = run.await(LIMIT);
        assertThat(r.exitCode()).as(r.both()).isEqualTo(143);
        assertThat(r.err().lines().toList()).as(r.both()).containsExactly(LINE);
        assertThat(dir.resolve("new")).as("no temporary file, and no folder the run made").doesNotExist();
    }

    @Test void ctrlCWhileWritingLeavesNothingBehindAndSaysSo() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path kept = Files.writeString(out.resolve("indicators.csv"), "an earlier run's file\n");
        CliProcess.Running run = CliProcess.launch("sigint-mid-write", args(BIG_RUN, "-o", out.toString()));
        awaitTemporary(out, run);
        assumeTrue(!ignores(run.process().pid(), 2), "skipped: this test's processes ignore SIGINT (started in the background without job control)");
        signal(run.process().pid(), "INT");
        CliProcess.Result r = run.await(LIMIT);
        assertThat(r.exitCode()).as(r.both()).isEqualTo(130);
        assertThat(r.err().lines().toList()).as(r.both()).containsExactly(LINE);
        assertThat(names(out)).as("the earlier file stays as it was, and nothing else").containsExactly("indicators.csv");
        assertThat(Files.readString(kept)).isEqualTo("an earlier run's file\n");
    }

    @Test void aTemporaryOfAKilledRunIsRemovedByTheNextRunThere() throws Exception {
        Path out = dir.resolve("out");
        CliProcess.Running run = CliProcess.launch("sigkill-mid-write", args(BIG_RUN, "-o", out.toString()));
        Path left = awaitTemporary(out, run);
        run.process().destroyForcibly();   // SIGKILL: no hook runs
        run.process().waitFor();
        assertThat(left).as("killed outright, the process could not remove it").exists();
        CliProcess.Result next = CliProcess.plain("after-sigkill", LIMIT, "run", "--symbols", "AAPL", "--from", "2024-01-01", "--to", "2024-02-01",
                "--backend", "cpu", "-o", out.toString());
        assertThat(next.exitCode()).as(next.both()).isZero();
        assertThat(names(out)).containsExactly("indicators.csv");
    }

    @Test void mpirunStoppedWhileRankZeroWritesLeavesNothingBehindAndSaysSo() throws Exception {
        CliProcess.assumeMpirun();
        Path out = dir.resolve("mpi-out");
        CliProcess.Running run = CliProcess.launchRanks("mpirun-sigterm-mid-write", 3, args(BIG_RUN, "--partitioner", "mpi", "-o", out.toString()));
        awaitTemporary(out, run);
        run.process().destroy();   // SIGTERM to mpirun, which passes it on to every rank
        CliProcess.Result r = run.await(LIMIT);
        assertThat(r.exitCode()).as(r.both()).isNotZero();
        assertThat(r.errorLines()).as("rank 0 says it, once\n" + r.both()).containsExactly(LINE);
        assertThat(out).as("no temporary file, and no folder the run made").doesNotExist();
    }

    @Test void aRankKilledWhileRankZeroWritesLeavesNothingBehind() throws Exception {
        CliProcess.assumeMpirun();
        Path out = dir.resolve("mpi-out");
        CliProcess.Running run = CliProcess.launchRanks("rank-killed-mid-write", 3, args(BIG_RUN, "--partitioner", "mpi", "-o", out.toString()));
        awaitTemporary(out, run);
        Map<Integer, ProcessHandle> ranks = run.ranks();
        assertThat(ranks).as("the ranks' processes").containsKey(1);
        ranks.get(1).destroyForcibly();   // SIGKILL rank 1: mpirun ends the others
        CliProcess.Result r = run.await(LIMIT);
        assertThat(r.exitCode()).as(r.both()).isNotZero();
        assertThat(r.errorLines()).as(r.both()).containsExactly(LINE);
        assertThat(out).as("no temporary file, and no folder the run made").doesNotExist();
    }

    /** Waits until the run's temporary CSV appears in {@code out}; fails if the run ends first. */
    private static Path awaitTemporary(Path out, CliProcess.Running run) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(out)) {
                try (Stream<Path> s = Files.list(out)) {
                    var part = s.filter(p -> TEMPORARY.matcher(p.getFileName().toString()).matches()).findFirst();
                    if (part.isPresent()) return part.get();
                } catch (IOException e) {
                    // listed while it changed: look again
                }
            }
            if (!run.process().isAlive()) fail("the run ended before it wrote:\n" + run.await(LIMIT).both());
            Thread.sleep(10);
        }
        run.process().destroyForcibly();
        throw new AssertionError("no temporary file in " + out + " within " + LIMIT.toSeconds() + " s");
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Whether process {@code pid} ignores signal {@code number} (its SigIgn mask in /proc). */
    private static boolean ignores(long pid, int number) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.ISO_8859_1)) {
            if (line.startsWith("SigIgn:")) return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << (number - 1))) != 0;
        }
        return false;
    }

    private static void signal(long pid, String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -" + name).isZero();
    }

    private static String[] args(String[] base, String... more) {
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }
}
