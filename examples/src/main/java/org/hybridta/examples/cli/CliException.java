package org.hybridta.examples.cli;

/**
 * A failure a subcommand has already put into words for the user: its message is printed after
 * {@code hybridta: } as it is, and the command exits with {@link #exitCode()}.
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() { return exitCode; }
}
