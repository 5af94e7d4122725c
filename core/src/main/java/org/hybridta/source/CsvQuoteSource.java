package org.hybridta.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hybridta.BarSeries;
import org.hybridta.io.BarCsv;
import org.hybridta.io.CsvFormatException;

/**
 * Bars from a directory of per-symbol CSV files, {@code <directory>/<SYMBOL>.csv}, in the format the
 * {@code fetch} command writes ({@code date,open,high,low,close,adj_close,volume}; see
 * {@link BarCsv#read(Path, String)} for what is accepted). A missing file is {@link FailureKind#NOT_FOUND},
 * a malformed one {@link FailureKind#BAD_DATA} with the file, line and column in the reason.
 *
 * <p>A symbolic link in the directory is followed only while it stays inside the directory (a link to a file in a
 * sub-directory is fine); a link out of it — to {@code /etc/shadow}, {@code /proc/self/environ} — is refused
 * ({@link FailureKind#ERROR}) and never read, unless the source is built with
 * {@link Builder#followLinksOutside(boolean)}.
 */
public final class CsvQuoteSource implements QuoteSource {
    /** Bytes per CSV row, roughly, to estimate a file's bars from its size. */
    private static final int BYTES_PER_ROW = 60;
    /** The end of a file read to find its last date: far more than one line. */
    private static final int TAIL_BYTES = 4096;

    private final Path directory;
    private final boolean followLinksOutside;

    private CsvQuoteSource(Path directory, boolean followLinksOutside) {
        this.directory = directory;
        this.followLinksOutside = followLinksOutside;
    }

    /**
     * A source reading {@code directory}, not following links out of it.
     *
     * @throws UncheckedIOException if the directory does not exist or cannot be read
     */
    public static CsvQuoteSource of(Path directory) {
        return builder(directory).build();
    }

    /** A builder for a source reading {@code directory}. */
    public static Builder builder(Path directory) {
        return new Builder(Objects.requireNonNull(directory, "directory"));
    }

    public Path directory() { return directory; }

    @Override public String name() { return "csv:" + directory; }

    @Override public String cacheKey() { return "csv-" + directory.toAbsolutePath().normalize(); }

    /** Estimated from the file's size (a read would cost as much as the fetch). */
    @Override public int expectedBars(Constituent c, LocalDate from, LocalDate to) {
        try {
            Path file = file(c);
            if (refusedLink(file) != null) return 0;
            return (int) Math.min(Integer.MAX_VALUE, Files.size(file) / BYTES_PER_ROW);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override public FetchResult fetch(Constituent c, LocalDate from, LocalDate to) {
        Path file = file(c);
        String refused;
        try {
            refused = refusedLink(file);
        } catch (IOException e) {
            return FetchResult.failed(c.symbol(), FailureKind.ERROR, "cannot read " + file + ": " + e.getMessage());
        }
        if (refused != null) return FetchResult.failed(c.symbol(), FailureKind.ERROR, refused);
        if (!Files.isRegularFile(file)) {
            return FetchResult.failed(c.symbol(), FailureKind.NOT_FOUND, "no file " + file);
        }
        BarSeries all;
        try {
            all = BarCsv.read(file, c.symbol());
        } catch (CsvFormatException e) {
            return FetchResult.failed(c.symbol(), FailureKind.BAD_DATA, e.getMessage());
        } catch (IOException e) {
            return FetchResult.failed(c.symbol(), FailureKind.ERROR, "cannot read " + file + ": " + e.getMessage());
        }
        BarSeries in = all.between(from, to);
        if (in.isEmpty()) {
            return FetchResult.failed(c.symbol(), FailureKind.NO_DATA, file + " has no bars from " + from + " to " + to
                    + (all.isEmpty() ? "" : " (it covers " + all.date(0) + " to " + all.date(all.size() - 1) + ")"));
        }
        return FetchResult.ok(in);
    }

    /**
     * The first and last dates of the files of {@code members} together, from each file's first and last lines
     * (nothing else is read); empty when no member has a readable file. A file that is missing, malformed or a
     * link that is not followed does not count: fetching it reports why.
     */
    public Optional<Span> span(List<Constituent> members) {
        LocalDate first = null, last = null;
        for (Constituent c : members) {
            Optional<Span> s = spanOf(file(c));
            if (s.isEmpty()) continue;
            if (first == null || s.get().first().isBefore(first)) first = s.get().first();
            if (last == null || s.get().last().isAfter(last)) last = s.get().last();
        }
        return first == null ? Optional.empty() : Optional.of(new Span(first, last));
    }

    /**
     * Dates {@code first} to {@code last}, both included.
     *
     * @param first the earliest date of any file
     * @param last  the latest date of any file
     */
    public record Span(LocalDate first, LocalDate last) {
        public Span {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
        }
    }

    private Optional<Span> spanOf(Path file) {
        try {
            if (refusedLink(file) != null || !Files.isRegularFile(file)) return Optional.empty();
            int dateColumn;
            LocalDate first;
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                List<String> header = fields(nextLine(r));
                dateColumn = header.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList().indexOf("date");
                if (dateColumn < 0) return Optional.empty();
                first = dateIn(nextLine(r), dateColumn);
            }
            LocalDate last = dateIn(lastLine(file), dateColumn);
            return first == null || last == null || last.isBefore(first) ? Optional.empty() : Optional.of(new Span(first, last));
        } catch (IOException | UncheckedIOException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String nextLine(BufferedReader r) throws IOException {
        for (String line; (line = r.readLine()) != null; ) {
            line = line.replace("\uFEFF", "").strip();
            if (!line.isEmpty()) return line;
        }
        return "";
    }

    private static String lastLine(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, f.length() - TAIL_BYTES);
            byte[] tail = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(tail);
            List<String> lines = new String(tail, StandardCharsets.UTF_8).strip().lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
        }
    }

    private static List<String> fields(String line) throws IOException {
        for (CSVRecord r : CSVFormat.DEFAULT.parse(new StringReader(line))) return r.stream().map(String::strip).toList();
        return List.of();
    }

    private static LocalDate dateIn(String line, int column) throws IOException {
        List<String> f = fields(line);
        return column < f.size() && f.get(column).length() == 10 ? LocalDate.parse(f.get(column)) : null;
    }

    private Path file(Constituent c) {
        return directory.resolve(c.symbol() + ".csv");
    }

    /**
     * Why {@code file} is not read, or null when it may be: a symbolic link whose target lies outside the directory
     * (unless links are followed out). A missing file is not refused here: the caller says it is missing.
     */
    private String refusedLink(Path file) throws IOException {
        if (followLinksOutside || !Files.isSymbolicLink(file)) return null;
        Path target;
        try {
            target = file.toRealPath();
        } catch (NoSuchFileException e) {
            return null;      // a dangling link: "no file"
        }
        if (target.startsWith(directory.toRealPath())) return null;
        return file + " is a link to a file outside " + directory + "; not followed (allow links out of the folder to read it)";
    }

    @Override public String toString() { return name(); }

    /** Options of a {@link CsvQuoteSource}. */
    public static final class Builder {
        private final Path directory;
        private boolean followLinksOutside;

        private Builder(Path directory) {
            this.directory = directory;
        }

        /**
         * Whether a {@code SYMBOL.csv} that is a symbolic link to a file outside the directory is read (default false:
         * it fails its symbol, unread).
         */
        public Builder followLinksOutside(boolean follow) {
            this.followLinksOutside = follow;
            return this;
        }

        /** @throws UncheckedIOException if the directory does not exist or cannot be read */
        public CsvQuoteSource build() {
            if (!Files.isDirectory(directory)) {
                throw new UncheckedIOException(new NoSuchFileException(directory + ": no such directory"));
            }
            if (!Files.isReadable(directory)) {
                throw new UncheckedIOException(new IOException(directory + ": directory not readable"));
            }
            return new CsvQuoteSource(directory, followLinksOutside);
        }
    }
}
