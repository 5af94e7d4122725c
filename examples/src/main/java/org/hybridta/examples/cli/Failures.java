package org.hybridta.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.hybridta.OutOfMemory;
import org.hybridta.backend.BackendUnavailableException;
import org.hybridta.io.CsvFormatException;
import org.hybridta.io.IoErrors;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on stderr, {@code hybridta: <what is wrong>}, and an exit code:
 * {@link HybridTa#USAGE} for bad arguments, {@link HybridTa#FAILED} for everything that went wrong
 * while running. With {@code --debug} the stack trace is printed first.
 */
final class Failures implements IParameterExceptionHandler, IExecutionExceptionHandler {
    private final HybridTa top;

    Failures(HybridTa top) {
        this.top = top;
    }

    @Override public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        // picocli checks required options before it reports unknown ones; a misspelt option explains both
        if (e instanceof MissingParameterException && !cmd.getUnmatchedArguments().isEmpty()) {
            e = new UnmatchedArgumentException(cmd, cmd.getUnmatchedArguments());
        }
        PrintWriter err = cmd.getErr();
        if (top.debug()) e.printStackTrace(err);
        StringBuilder line = new StringBuilder(e.getMessage());
        if (e instanceof UnmatchedArgumentException u) {
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) line.append("; did you mean ").append(String.join(" or ", suggestions)).append('?');
        }
        line.append(" (see '").append(cmd.getCommandSpec().qualifiedName()).append(" --help')");
        err.println(cmd.getColorScheme().errorText(HybridTa.NAME + ": " + oneLine(line.toString())));
        err.flush();
        return HybridTa.USAGE;
    }

    @Override public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        return report(e, cmd);
    }

    /**
     * Runs {@code inner}, turning an {@link Error} that escapes a command — out of memory above all — into one
     * line and exit code 1, as an exception is (picocli lets errors through).
     */
    IExecutionStrategy catchingErrors(IExecutionStrategy inner) {
        return parseResult -> {
            try {
                return inner.execute(parseResult);
            } catch (Error e) {
                return report(e, last(parseResult).commandSpec().commandLine());
            }
        };
    }

    private static ParseResult last(ParseResult r) {
        while (r.hasSubcommand()) r = r.subcommand();
        return r;
    }

    private int report(Throwable e, CommandLine cmd) {
        PrintWriter err = cmd.getErr();
        if (top.debug()) e.printStackTrace(err);
        String what;
        try {
            what = e instanceof OutOfMemoryError
                    ? OutOfMemory.message("in '" + cmd.getCommandSpec().qualifiedName() + "'", "ask for less at once (fewer symbols, a shorter date range)")
                    : describe(e);
        } catch (Throwable again) {   // the heap is still full, or a class failed to load in that state
            what = (e instanceof OutOfMemoryError ? "out of memory" : e.getClass().getName())
                    + "; give Java more heap (java -Xmx… -jar …) or ask for less at once (fewer symbols, a shorter date range)";
        }
        err.println(cmd.getColorScheme().errorText(HybridTa.NAME + ": " + oneLine(what)));
        err.flush();
        return e instanceof CliException c ? c.exitCode() : HybridTa.FAILED;
    }

    /** What went wrong, in words for the user. */
    static String describe(Throwable e) {
        if (e instanceof CliException || e instanceof CsvFormatException || e instanceof BackendUnavailableException) {
            return e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return OutOfMemory.message("", "ask for less at once (fewer symbols, a shorter date range)");
        }
        if (e instanceof UncheckedIOException u && u.getCause() != null) return describe(u.getCause());
        if (e instanceof IOException io) return IoErrors.describe(io);
        if (e instanceof IllegalArgumentException && e.getMessage() != null) return e.getMessage();
        // a ForkJoinPool rethrows a task's exception as a copy of it whose message is the original's toString()
        while (e.getCause() != null && e.getCause().getClass() == e.getClass()) e = e.getCause();
        return "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + " (rerun with --debug for the stack trace, and please report it)";
    }

    /** Why a file operation failed, without the file's name: "no such file or directory", "permission denied", …. */
    static String reason(IOException e) {
        return IoErrors.reason(e);
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
