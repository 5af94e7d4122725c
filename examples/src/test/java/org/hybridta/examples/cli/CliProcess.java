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
        return start(name, limit, java(List.of()), args);
    }

    /** {@code hybridta args} in one plain JVM with more JVM options (a small {@code -Xmx}: the last one counts). */
    static Result plain(String name, Duration limit, List<String> jvm, String... args) throws IOException, InterruptedException {
        return start(name, limit, java(jvm), args);
    }

    /** Starts {@code hybridta args} in one plain JVM and returns at once: for tests that signal it. */
    static Running launch(String name, String... args) throws IOException {
        return launch(name, java(List.of()), args);
    }

    /**
     * Starts {@code mpirun -np ranks java … HybridTa args} and returns at once, for tests that stop the job mid-run. It
     * turns off Open MPI 4's single-copy transfers (CMA, process_vm_readv): with them, rank 0 reading a 4 MB chunk from
     * a rank that mpirun's SIGTERM ended first fails inside the transport ("Read -1, expected …, errno = 3"), which
     * aborts rank 0 before its own SIGTERM runs the clean-up (docs/mpi.md, "Stopping a job").
     */
    static Running launchRanks(String name, int ranks, String... args) throws IOException {
        List<String> command = mpirunJava(ranks);
        command.addAll(1, List.of("--mca", "btl_vader_single_copy_mechanism", "none"));
        return launch(name, command, args);
    }

    /** A command started by {@link #launch}: its process, and its output once it ended. */
    static final class Running {
        private final String name;
        private final Process process;
        private final Path out, err;
        private final long t0 = System.nanoTime();

        private Running(String name, Process process, Path out, Path err) {
            this.name = name;
            this.process = process;
            this.out = out;
            this.err = err;
        }

        Process process() { return process; }

        /** What it has written to stderr so far. */
        String errSoFar() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }

        /** The Java processes it started (the ranks, under mpirun) with their MPI rank, or -1 outside MPI. */
        java.util.Map<Integer, ProcessHandle> ranks() throws IOException {
            java.util.Map<Integer, ProcessHandle> ranks = new java.util.TreeMap<>();
            for (ProcessHandle h : process.descendants().toList()) {
                String env;
                try {
                    env = Files.readString(Path.of("/proc", Long.toString(h.pid()), "environ"), StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    continue;   // gone, or not ours to read
                }
                for (String var : env.split("\0")) {
                    if (var.startsWith("OMPI_COMM_WORLD_RANK=") && h.info().command().map(c -> c.endsWith("java")).orElse(false)) {
                        ranks.put(Integer.parseInt(var.substring(var.indexOf('=') + 1)), h);
                    }
                }
            }
            return ranks;
        }

        /** Waits for it to end, at most {@code limit} (then kills it, and fails). */
        Result await(Duration limit) throws IOException, InterruptedException {
            return finish(name, process, out, err, limit, t0);
        }
    }

    /** {@code mpirun -np ranks java … HybridTa args}: every rank runs the same command line. */
    static Result ranks(String name, int ranks, Duration limit, String... args) throws IOException, InterruptedException {
        return start(name, limit, mpirunJava(ranks), args);
    }

    private static List<String> mpirunJava(int ranks) {
        List<String> command = new ArrayList<>();
        command.add(mpirun().orElseThrow().toString());
        if ("root".equals(System.getProperty("user.name"))) command.add("--allow-run-as-root");
        command.addAll(List.of("--oversubscribe", "--bind-to", "none", "-np", Integer.toString(ranks)));
        command.addAll(java(List.of()));
        return command;
    }

    private static List<String> java(List<String> jvm) {
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.addAll(JVM);
        java.addAll(jvm);
        java.add(HybridTa.class.getName());
        return java;
    }

    private static Result start(String name, Duration limit, List<String> prefix, String... args) throws IOException, InterruptedException {
        return launch(name, prefix, args).await(limit);
    }

    private static Running launch(String name, List<String> prefix, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(args));
        Files.createDirectories(LOGS);
        Path out = LOGS.resolve(name + ".out"), err = LOGS.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("CLASSPATH", classPath());
        pb.environment().remove("HYBRIDTA_BACKEND");
        Process process = pb.start();
        process.getOutputStream().close();   // mpirun forwards stdin to rank 0: give it an end, not an open pipe
        return new Running(name, process, out, err);
    }

    private static Result finish(String name, Process process, Path out, Path err, Duration limit, long t0)
            throws IOException, InterruptedException {
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
