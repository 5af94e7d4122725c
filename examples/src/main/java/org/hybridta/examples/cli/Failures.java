package org.hybridta.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import org.hybridta.backend.BackendUnavailableException;
import org.hybridta.io.CsvFormatException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
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
        PrintWriter err = cmd.getErr();
        if (top.debug()) e.printStackTrace(err);
        err.println(cmd.getColorScheme().errorText(HybridTa.NAME + ": " + oneLine(describe(e))));
        err.flush();
        return e instanceof CliException c ? c.exitCode() : HybridTa.FAILED;
    }

    /** What went wrong, in words for the user. */
    static String describe(Throwable e) {
        if (e instanceof CliException || e instanceof CsvFormatException || e instanceof BackendUnavailableException) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException u && u.getCause() != null) return describe(u.getCause());
        if (e instanceof IOException io) return io instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() + ": " + reason(io) : reason(io);
        if (e instanceof IllegalArgumentException && e.getMessage() != null) return e.getMessage();
        // a ForkJoinPool rethrows a task's exception as a copy of it whose message is the original's toString()
        while (e.getCause() != null && e.getCause().getClass() == e.getClass()) e = e.getCause();
        return "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + " (rerun with --debug for the stack trace, and please report it)";
    }

    /** Why a file operation failed, without the file's name: "no such file", "permission denied", .... */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NotDirectoryException) return "not a directory";
        if (e instanceof FileAlreadyExistsException) return "exists already";
        if (e instanceof FileSystemException fs && fs.getReason() != null) return lowerFirst(fs.getReason());
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? e.getClass().getSimpleName() : msg;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() || (s.length() > 1 && Character.isUpperCase(s.charAt(1))) ? s
                : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
