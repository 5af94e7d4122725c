package org.hybridta.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import org.hybridta.BarSeries;
import org.hybridta.io.BarCsv;
import org.hybridta.io.CsvFormatException;

/**
 * Bars from a directory of per-symbol CSV files, {@code <directory>/<SYMBOL>.csv}, in the format the
 * {@code fetch} command writes ({@code date,open,high,low,close,adj_close,volume}; see
 * {@link BarCsv#read(Path, String)} for what is accepted). A missing file is {@link FailureKind#NOT_FOUND},
 * a malformed one {@link FailureKind#BAD_DATA} with the file, line and column in the reason.
 */
public final class CsvQuoteSource implements QuoteSource {
    /** Bytes per CSV row, roughly, to estimate a file's bars from its size. */
    private static final int BYTES_PER_ROW = 60;

    private final Path directory;

    private CsvQuoteSource(Path directory) {
        this.directory = directory;
    }

    /**
     * A source reading {@code directory}.
     *
     * @throws UncheckedIOException if the directory does not exist or cannot be read
     */
    public static CsvQuoteSource of(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new UncheckedIOException(new NoSuchFileException(directory + ": no such directory"));
        }
        if (!Files.isReadable(directory)) {
            throw new UncheckedIOException(new IOException(directory + ": directory not readable"));
        }
        return new CsvQuoteSource(directory);
    }

    public Path directory() { return directory; }

    @Override public String name() { return "csv:" + directory; }

    @Override public String cacheKey() { return "csv-" + directory.toAbsolutePath().normalize(); }

    /** Estimated from the file's size (a read would cost as much as the fetch). */
    @Override public int expectedBars(Constituent c, LocalDate from, LocalDate to) {
        try {
            return (int) Math.min(Integer.MAX_VALUE, Files.size(file(c)) / BYTES_PER_ROW);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override public FetchResult fetch(Constituent c, LocalDate from, LocalDate to) {
        Path file = file(c);
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

    private Path file(Constituent c) {
        return directory.resolve(c.symbol() + ".csv");
    }

    @Override public String toString() { return name(); }
}
