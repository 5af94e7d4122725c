package org.hybridta.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.hybridta.backend.Availability;
import org.hybridta.backend.BackendProvider;
import org.hybridta.backend.Backends;
import org.hybridta.mpi.MpirunArguments;
import org.hybridta.xsection.GramEngineProvider;
import org.hybridta.xsection.GramEngines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code hybridta} command: {@code java -jar examples/target/hybridta.jar <subcommand> …}.
 *
 * <p>Build it with {@link #commandLine()}, which installs the error handling (one line on stderr, no
 * stack trace unless {@code --debug}); {@link #main} runs it and exits with its exit code.
 */
@Command(name = HybridTa.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = HybridTa.Version.class,
        description = "Technical-analysis indicators (EMA, RSI, MACD, ...) for whole stock universes, on the CPU or NVIDIA GPUs.",
        subcommands = {RunCommand.class, FetchCommand.class, ComputeCommand.class, StreamCommand.class, XsectionCommand.class, SweepCommand.class, ScreenCommand.class, IndicatorsCommand.class,
                CommandLine.HelpCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        usageHelpAutoWidth = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {HybridTa.EXIT_OK, HybridTa.EXIT_FAILED, HybridTa.EXIT_USAGE, HybridTa.EXIT_PARTIAL,
                HybridTa.EXIT_INTERRUPTED, HybridTa.EXIT_TERMINATED},
        footer = {"", "Run 'hybridta COMMAND --help' for a command's options;", "the manual is docs/cli.md."})
public final class HybridTa implements Callable<Integer> {
    /** The command's name, also the prefix of every error line. */
    static final String NAME = "hybridta";

    /** Exit code: success. */
    static final int OK = 0;
    /** Exit code: the command ran and failed — bad input data, an I/O error, a backend that cannot run. */
    static final int FAILED = 1;
    /** Exit code: the command line itself is wrong — an unknown option, a missing one, an invalid value or indicator spec. */
    static final int USAGE = 2;
    /** Exit code: the run finished, but some symbols failed (they are listed); the others were written. */
    static final int PARTIAL = 3;
    /*
     * A signal that stops the JVM ends it with 128 + the signal's number, as shells report it: 130 for Ctrl-C
     * (SIGINT), 143 for SIGTERM. The exit codes of every command are listed in one table in docs/cli.md.
     */

    static final String EXIT_OK = "0:success";
    static final String EXIT_FAILED = "1:failure: bad input data (the message names file, line and column), "
            + "an I/O error, out of memory, a backend that cannot run here, an MPI rank that failed or fell silent";
    static final String EXIT_PARTIAL = "3:run, fetch and xsection: some symbols failed (the first are listed, all of them in "
            + "DIR/failures.csv); the others were written";
    static final String EXIT_USAGE = "2:usage error: unknown or missing option, invalid value, invalid indicator spec, unknown backend";
    static final String EXIT_INTERRUPTED = "130:interrupted by Ctrl-C (SIGINT); no unfinished file is left";
    static final String EXIT_TERMINATED = "143:stopped by SIGTERM (kill, or mpirun ending the job); no unfinished file is left";

    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    @Spec private CommandSpec spec;

    private boolean debug;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On failure, print the stack trace too; log at debug level.")
    void debug(boolean on) {
        debug = on;
        if (on) System.setProperty(LOG_LEVEL, "debug");
    }

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log what is done and how long it takes (the backend chosen, timings) on stderr.")
    void verbose(boolean on) {
        if (on && !debug) System.setProperty(LOG_LEVEL, "info");
    }

    /** Whether {@code --debug} was given. */
    boolean debug() { return debug; }

    /**
     * The command line with HybridTA's error handling (errors too, out of memory above all, end in one line) and
     * help that takes the terminal's width; {@code execute(args)} it.
     */
    public static CommandLine commandLine() {
        HybridTa top = new HybridTa();
        Failures failures = new Failures(top);
        CommandLine cmd = new CommandLine(top)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(failures)
                .setExecutionExceptionHandler(failures);
        cmd.setExecutionStrategy(failures.catchingErrors(new CommandLine.RunLast()));
        cmd.setUsageHelpAutoWidth(true);
        FetchCommand.showSourceAsRequired(cmd.getSubcommands().get("fetch"));
        return cmd;
    }

    /** Runs the command line and exits with its exit code; says so on stderr when a signal stops it first. */
    public static void main(String[] args) {
        configureLogging();
        Interruption.install();
        // under Open MPI's mpirun, an argument after one containing "cp" (--backend cpu) arrives rewritten
        int code = commandLine().execute(MpirunArguments.original(args));
        Interruption.finished();
        System.exit(code);
    }

    /**
     * Quiet logging for a command line: warnings and errors only, on stderr, without thread or logger
     * names; {@code -v} and {@code --debug} raise the level, and {@code -Dorg.slf4j.simpleLogger.*} on
     * the java command line still wins over these defaults.
     */
    static void configureLogging() {
        setIfAbsent(LOG_LEVEL, "warn");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showLogName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "false");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }

    /** Without a subcommand: a usage error that lists them. */
    @Override public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command; choose one of: "
                + String.join(", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList()));
    }

    /** {@code --version}: the HybridTA version, the Java runtime, and the backends found. */
    static final class Version implements IVersionProvider {
        @Override public String[] getVersion() {
            List<String> lines = new ArrayList<>();
            lines.add(NAME + " " + version());
            lines.add("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ") on "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            for (BackendProvider p : Backends.providers()) {
                Availability a = p.availability();
                lines.add("backend " + p.name() + ": " + (a.available() ? "available (" : "not available (") + a.reason() + ")");
            }
            for (GramEngineProvider p : GramEngines.providers()) {   // xsection's matrices
                Availability a = p.availability();
                lines.add("xsection " + p.name() + ": " + (a.available() ? "available (" : "not available (") + a.reason() + ")");
            }
            return lines.toArray(String[]::new);
        }

        static String version() {
            try (InputStream in = HybridTa.class.getResourceAsStream("version.properties")) {
                if (in == null) return "(unknown version)";
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "(unknown version)");
            } catch (IOException e) {
                return "(unknown version)";
            }
        }
    }
}
