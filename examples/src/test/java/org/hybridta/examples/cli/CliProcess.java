package org.hybridta.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs {@code hybridta} ({@link HybridTa#main}) in processes of its own: one plain JVM, or N ranks under
 * {@code mpirun}, with this test's class path, a time limit (the job is killed, and the test fails, when it runs
 * over), and the output kept in {@code target/cli-runs/NAME.out} and {@code NAME.err}.
 *
 * <p>The class path travels in {@code CLASSPATH}, not {@code -cp}: the command line then looks like
 * {@code java -jar hybridta.jar …} does to mpirun, which rewrites the argument after the first one containing
 * "cp" (as in {@code --backend cpu}) — so these runs go through the repair of that, as the jar's users do.
 */
final class CliProcess {
    /** JVM options for the ranks: small and quick to start, since several share two cores. None contains "cp". */
    private static final List<String> JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx512m");
    private static final Path LOGS = Path.of("target", "cli-runs");

    record Result(String name, int exitCode, String out, String err, Duration elapsed) {
        /** Both streams, for assertion messages. */
        String both() {
            return name + " (exit " + exitCode + ", " + elapsed.toMillis() + " ms)\n--- stdout\n" + out + "--- stderr\n" + err;
        }

        /** The lines of stderr that hybridta itself wrote (mpirun adds its own banners). */
        List<String> errorLines() {
            return err.lines().filter(l -> l.startsWith(HybridTa.NAME + ":")).toList();
        }
    }

    private CliProcess() {}

    /**
     * Skips the test, with the reason, where Open MPI is not installed — but never in CI ({@code CI} set), where
     * scripts/setup.sh installed it and a skip would hide a broken set-up. (That the Java bindings are there is
     * certain: this module does not compile without them.)
     */
    static void assumeMpirun() {
        if (mpirun().isEmpty() && System.getenv("CI") != null) fail("mpirun missing in CI: scripts/setup.sh should have installed Open MPI");
        assumeTrue(mpirun().isPresent(), "skipped: mpirun not on PATH (install Open MPI: scripts/setup.sh)");
    }

    static Optional<Path> mpirun() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isBlank()) continue;
            Path p = Path.of(dir, "mpirun");
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** {@code hybridta args} in one plain JVM (no MPI). */
    static Result plain(String name, Duration limit, String... args) throws IOException, InterruptedException {
        return start(name, limit, java(), args);
    }

    /** {@code mpirun -np ranks java … HybridTa args}: every rank runs the same command line. */
    static Result ranks(String name, int ranks, Duration limit, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(mpirun().orElseThrow().toString());
        if ("root".equals(System.getProperty("user.name"))) command.add("--allow-run-as-root");
        command.addAll(List.of("--oversubscribe", "--bind-to", "none", "-np", Integer.toString(ranks)));
        command.addAll(java());
        return start(name, limit, command, args);
    }

    private static List<String> java() {
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.addAll(JVM);
        java.add(HybridTa.class.getName());
        return java;
    }

    private static Result start(String name, Duration limit, List<String> prefix, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(args));
        Files.createDirectories(LOGS);
        Path out = LOGS.resolve(name + ".out"), err = LOGS.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("CLASSPATH", classPath());
        pb.environment().remove("HYBRIDTA_BACKEND");
        long t0 = System.nanoTime();
        Process process = pb.start();
        process.getOutputStream().close();   // mpirun forwards stdin to rank 0: give it an end, not an open pipe
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            kill(process);
            fail(name + ": still running after " + limit.toSeconds() + " s (hang?); killed it. Output:\n"
                    + Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        return new Result(name, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), elapsed);
    }

    /** Ends mpirun and its ranks: politely first (mpirun forwards SIGTERM), then for good. */
    private static void kill(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        for (ProcessHandle child : children) child.destroyForcibly();
    }

    /** This test run's class path (surefire names the real one in its own property), plus the MPI-only test backends. */
    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) cp = System.getProperty("java.class.path");
        List<String> entries = new ArrayList<>(Stream.of(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).toList());
        Path extra = Path.of("target", "test-classes", "mpi-ranks").toAbsolutePath();
        assertThat(extra).as("test resources of the MPI runs").isDirectory();
        entries.add(extra.toString());
        return String.join(File.pathSeparator, entries);
    }
}
