package org.hybridta.io;

import java.io.IOException;
import java.util.Objects;

/**
 * A CSV file that cannot be read as what it should hold. The message is one line that names the file,
 * and where they apply the line and the column, e.g.
 * {@code ttrc.csv line 30, column "open": "abc" is not a number}.
 *
 * <p>It is an {@link IOException} because, to a caller, a malformed file is one more way of failing to
 * read it.
 */
public final class CsvFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String column;
    private final String problem;

    /**
     * @param source  the file as the user knows it (a path or a name)
     * @param line    the 1-based line the problem is on, or 0 when it concerns the whole file
     * @param column  the column's name, or {@code ""} when the problem concerns no one column
     * @param problem what is wrong, e.g. {@code "abc" is not a number}
     */
    public CsvFormatException(String source, long line, String column, String problem) {
        super(message(source, line, column, problem));
        this.source = Objects.requireNonNull(source, "source");
        this.line = line;
        this.column = Objects.requireNonNull(column, "column");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    private static String message(String source, long line, String column, String problem) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) sb.append(" line ").append(line);
        if (!column.isEmpty()) sb.append(", column \"").append(column).append('"');
        return sb.append(": ").append(problem).toString();
    }

    /** The file, as given to the reader. */
    public String source() { return source; }

    /** The 1-based line of the problem, or 0 when it concerns the whole file. */
    public long line() { return line; }

    /** The column's name, or {@code ""}. */
    public String column() { return column; }

    /** What is wrong, without the location. */
    public String problem() { return problem; }
}
