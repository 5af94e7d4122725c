package org.hybridta.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hybridta.examples.cli.FetchCommandTest.run;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hybridta.examples.cli.FetchCommandTest.Result;
import org.hybridta.io.Devices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the command line writes: standard output ({@code -o -}), symbolic links, devices and pipes made in the test's
 * own folder (never the machine's /dev), unwritable folders, full disks — the target is written through, never
 * replaced, and every failure is one line naming the path asked for and the operating system's reason.
 */
class OutputTargetsTest {
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final String SAMPLE = Path.of("data", "sample.csv").toString();

    @TempDir Path dir;

    private String[] compute(Path out) {
        return new String[] {"compute", "-i", SAMPLE, "--indicators", "ema:12,rsi:14", "-o", out.toString(), "--backend", "cpu"};
    }

    private byte[] computedToAFile() throws IOException {
        Path file = dir.resolve("reference.csv");
        Result r = run(compute(file));
        assertThat(r.code()).as(r.err()).isZero();
        return Files.readAllBytes(file);
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // ---- standard output

    @Test void computeWritesTheCsvToStandardOutputAndItsSummaryToStderr() throws Exception {
        byte[] expected = computedToAFile();
        CliProcess.Result r = CliProcess.plain("compute-stdout", LIMIT, "compute", "-i", SAMPLE, "--indicators", "ema:12,rsi:14", "-o", "-",
                "--backend", "cpu");
        assertThat(r.exitCode()).as(r.both()).isZero();
        assertThat(r.out()).isEqualTo(new String(expected, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.err()).startsWith("wrote standard output: 300 rows");
        assertThat(Path.of("-")).as("no file named -").doesNotExist();
    }

    @Test void runWritesTheCsvToStandardOutputAndTheSummaryToStderr() throws Exception {
        String[] common = {"--symbols", "AAPL,MSFT", "--from", "2024-01-01", "--to", "2024-04-01", "--backend", "cpu", "--no-progress"};
        Result file = run(concat(new String[] {"run", "-o", dir.resolve("out").toString()}, common));
        assertThat(file.code()).as(file.err()).isZero();
        CliProcess.Result r = CliProcess.plain("run-stdout", LIMIT, concat(new String[] {"run", "-o", "-"}, common));
        assertThat(r.exitCode()).as(r.both()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(dir.resolve("out/indicators.csv")));
        assertThat(r.err()).contains("custom: 2 of 2 symbols ok", "wrote standard output");
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test void chartsNeedADirectory() {
        Result r = run("run", "--symbols", "AAPL", "--chart", "AAPL", "-o", "-");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("hybridta: --chart needs an output directory").hasLineCount(1);
    }

    @Test void fetchNeedsADirectory() {
        Result r = run("fetch", "--symbols", "AAPL", "--source", "synthetic", "-o", "-");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("hybridta: --output -: fetch writes a file per symbol; give a directory").hasLineCount(1);
    }

    // ---- links, devices, pipes

    @Test void aSymlinkStaysALinkAndItsTargetGetsTheCsv() throws IOException {
        byte[] expected = computedToAFile();
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), elsewhere.resolve("real.csv"));
        Result r = run(compute(link));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readAllBytes(elsewhere.resolve("real.csv"))).isEqualTo(expected);
        assertThat(names(elsewhere)).containsExactly("real.csv");
    }

    @Test void aCharacterDeviceIsWrittenToNeverReplaced() throws IOException {
        Path nul = dir.resolve("null");
        Devices.assumeMknod(nul, 1, 3);
        Result r = run(compute(nul));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Devices.isCharacterDevice(nul)).isTrue();
        assertThat(names(dir)).containsExactly("null");
    }

    @Test void aFullDeviceFailsNamingItAndTheCause() throws IOException {
        Path full = dir.resolve("full");
        Devices.assumeMknod(full, 1, 7);
        Result r = run(compute(full));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("hybridta: --output " + full + ": cannot write: no space left on device\n");
        assertThat(Devices.isCharacterDevice(full)).isTrue();
        assertThat(names(dir)).containsExactly("full");
    }

    @Test void aNamedPipeGetsTheCsvStreamed() throws Exception {
        byte[] expected = computedToAFile();
        Path fifo = dir.resolve("pipe");
        Devices.mkfifo(fifo);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<byte[]> read = reader.submit(() -> Files.readAllBytes(fifo));
            Result r = run(compute(fifo));
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
        } finally {
            reader.shutdownNow();
        }
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(names(dir)).containsExactly("pipe", "reference.csv");
    }

    // ---- folders that cannot be written

    @Test void anUnwritableFolderIsNamedWithTheReason() throws IOException {
        Path ro = Files.createDirectories(dir.resolve("ro"));
        try (Devices.ReadOnly mount = Devices.readOnly(ro)) {
            String why = mount.reason();
            Result run = run("run", "--symbols", "AAPL", "-o", ro.toString());
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("hybridta: cannot write output: " + ro + ": " + why + "\n");
            Result sub = run("run", "--symbols", "AAPL", "-o", ro.resolve("sub").toString());
            assertThat(sub.err()).isEqualTo("hybridta: cannot write output: " + ro.resolve("sub") + ": " + why + "\n");
            Result fetch = run("fetch", "--symbols", "AAPL", "--source", "synthetic", "-o", ro.toString());
            assertThat(fetch.code()).isEqualTo(1);
            assertThat(fetch.err()).isEqualTo("hybridta: --output " + ro + ": " + why + "\n");
            Result compute = run(compute(ro.resolve("x.csv")));
            assertThat(compute.code()).isEqualTo(1);
            assertThat(compute.err()).isEqualTo("hybridta: --output " + ro.resolve("x.csv") + ": cannot write: " + why + "\n");
            assertThat(names(ro)).isEmpty();
        }
    }

    @Test void aFolderUnderProcGetsTheOperatingSystemsReason() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "skipped: no /proc here");
        Result r = run("run", "--symbols", "AAPL", "-o", "/proc/hybridta-test");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("hybridta: cannot write output: /proc/hybridta-test: no such file or directory\n");
    }

    // ---- full disks

    @Test void chartsOnAFullDiskNameTheFileAndTheCauseInOneLine() throws Exception {
        Path out = dir.resolve("out"), charts = Files.createDirectories(out.resolve("charts"));
        try (Devices.Mount small = Devices.tmpfs(charts, "16k")) {
            // a process of its own: a failed PNG write used to leave a JDK thread failing at exit, with a stack trace
            CliProcess.Result r = CliProcess.plain("charts-full-disk", LIMIT, "run", "--symbols", "AAPL", "--chart", "AAPL", "--from", "2024-01-01",
                    "--to", "2024-07-01", "--backend", "cpu", "-o", out.toString());
            assertThat(r.exitCode()).as(r.both()).isEqualTo(1);
            assertThat(r.err()).as(r.both()).isEqualTo("hybridta: cannot write output: " + charts.resolve("AAPL.png")
                    + ": no space left on device (written before: " + out.resolve("indicators.csv") + ")\n");
            assertThat(names(charts)).as("no partial PNG, no temporary file").isEmpty();
        }
    }

    @Test void aRunThatFailsRemovesTheFoldersItCreated() throws IOException {
        Path full = Files.createDirectories(dir.resolve("full"));
        try (Devices.Mount small = Devices.tmpfs(full, "16k")) {   // less than the CSV
            Path out = full.resolve("new/out");
            Result r = run("run", "--symbols", "AAPL,MSFT", "--from", "2023-01-01", "--to", "2024-01-01", "--backend", "cpu", "-o", out.toString());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("hybridta: cannot write output: " + out.resolve("indicators.csv") + ": no space left on device\n");
            assertThat(names(full)).as("new/out was made by the run, and is gone again").isEmpty();
        }
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
