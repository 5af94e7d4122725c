package org.hybridta.mpi;

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
 * Starts a test main under {@code mpirun} with this test's class path, waits with a time limit (killing the
 * job, and failing, when it runs over), and keeps the output in {@code target/mpi-runs/NAME.log}.
 */
final class MpiRun {
    /** JVM options for the ranks: small and quick to start, since several share two cores. */
    private static final List<String> RANK_JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m",
            "-Xss512k", "-Dorg.slf4j.simpleLogger.showThreadName=false");

    record Result(int exitCode, String output, Duration elapsed) {
        /** The {@code @@} report lines that start with {@code "@@ " + key + " "}. */
        List<String> reports(String key) {
            return output.lines().filter(l -> l.startsWith("@@ " + key + " ")).toList();
        }

        /** The value of {@code name=} in a report line (up to the next space, or the end for "message"/"reason"). */
        static String field(String line, String name) {
            int at = line.indexOf(" " + name + "=");
            if (at < 0) throw new AssertionError("no " + name + "= in: " + line);
            int from = at + name.length() + 2;
            if (name.equals("message") || name.equals("reason")) return line.substring(from);
            int end = line.indexOf(' ', from);
            return end < 0 ? line.substring(from) : line.substring(from, end);
        }
    }

    private MpiRun() {}

    /**
     * Skips the test, with the reason, when Open MPI or its Java bindings are absent — but never in CI
     * ({@code CI} set), where scripts/setup.sh installed them, and a skip would hide a broken set-up.
     */
    static void assumeOpenMpi() {
        String missing = missingOpenMpi();
        if (missing != null && System.getenv("CI") != null) fail("Open MPI set-up missing in CI (scripts/setup.sh): " + missing);
        assumeTrue(missing == null, () -> "skipped: Open MPI with Java bindings not installed (" + missing + "); run scripts/setup.sh");
    }

    private static String missingOpenMpi() {
        if (mpirun().isEmpty()) return "mpirun is not on PATH";
        if (MpiRun.class.getClassLoader().getResource("mpi/MPI.class") == null) return "mpi.jar is not on the class path";
        try {
            Bindings.locateLibrary();
            return null;
        } catch (MpiException e) {
            return e.getMessage();
        }
    }

    static Optional<Path> mpirun() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isBlank()) continue;
            Path p = Path.of(dir, "mpirun");
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /**
     * Runs {@code main} on {@code ranks} ranks: {@code mpirun --oversubscribe -np ranks java … main args}.
     *
     * @param name   names the log file
     * @param jvm    extra JVM options for the ranks (system properties)
     */
    static Result run(String name, int ranks, Duration limit, List<String> jvm, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(mpirun().orElseThrow().toString());
        if ("root".equals(System.getProperty("user.name"))) command.add("--allow-run-as-root");
        command.addAll(List.of("--oversubscribe", "--bind-to", "none", "-np", Integer.toString(ranks)));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(RANK_JVM);
        command.addAll(jvm);
        command.addAll(List.of("-cp", classPath(), main.getName()));
        command.addAll(List.of(args));

        Path logs = Path.of("target", "mpi-runs");
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        long t0 = System.nanoTime();
        Process process = pb.start();
        process.getOutputStream().close();   // mpirun forwards stdin to rank 0: give it an end, not an open pipe
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            kill(process);
            fail(name + ": mpirun still running after " + limit.toSeconds() + " s (hang?); killed it. Output:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), elapsed);
    }

    /** Ends mpirun and its ranks: politely first (mpirun forwards SIGTERM), then for good. */
    private static void kill(Process process) throws InterruptedException {
        List<ProcessHandle> ranks = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        for (ProcessHandle rank : ranks) rank.destroyForcibly();
    }

    /** The class path of this test run; surefire names the real one in its own property. */
    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) cp = System.getProperty("java.class.path");
        return Stream.of(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).reduce((a, b) -> a + File.pathSeparator + b).orElse("");
    }
}
