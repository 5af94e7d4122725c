package org.hybridta.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.hybridta.io.AtomicFiles;
import org.hybridta.io.CsvText;

/**
 * Writes all results to one CSV file in the tidy long format: one row per symbol and date,
 * {@code date,symbol,open,high,low,close,adj_close,volume,<indicator columns>}, symbols in universe order,
 * dates ascending; empty cells where an indicator has no value yet; numbers in full precision
 * ({@link Double#toString}, whole numbers without a fraction). When the bars are made up
 * ({@link RunOutput#isSynthetic()}) a last column {@code source} says {@code synthetic} on every row. The file is
 * written whole or not at all.
 */
public final class CsvSink implements ResultSink {
    private static final Field[] BAR_FIELDS = {Field.OPEN, Field.HIGH, Field.LOW, Field.CLOSE, Field.ADJ_CLOSE, Field.VOLUME};

    private final Path file;

    private CsvSink(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * A sink writing {@code file} (its directory is created when needed). A symbolic link is written through; a
     * named pipe, a character device and {@link AtomicFiles#STANDARD_OUTPUT} ({@code -}) are streamed to.
     */
    public static CsvSink to(Path file) {
        return new CsvSink(file);
    }

    public Path file() { return file; }

    @Override public void check() throws IOException {
        AtomicFiles.checkTarget(file);
    }

    @Override public List<Path> write(RunOutput output) throws IOException {
        if (!AtomicFiles.isStandardOutput(file)) Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, out -> writeTo(output, out));
        return List.of(file);
    }

    /** Formats symbols in parallel (number formatting dominates) and writes them in order. */
    static void writeTo(RunOutput output, OutputStream out) throws IOException {
        StringBuilder header = new StringBuilder("date,symbol");
        for (Field f : BAR_FIELDS) header.append(',').append(f.columnName());
        for (String c : output.columns()) header.append(',').append(c);
        if (output.isSynthetic()) header.append(',').append(CsvText.SOURCE_COLUMN);
        out.write(header.append('\n').toString().getBytes(StandardCharsets.UTF_8));

        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hybridta-csv");
            t.setDaemon(true);
            return t;
        });
        try {
            // a window of symbols in flight bounds memory while keeping every thread busy
            int window = 4 * threads;
            List<CompletableFuture<byte[]>> inFlight = new ArrayList<>();
            int next = 0;
            for (int i = 0; i < output.size(); i++) {
                while (next < output.size() && next < i + window) {
                    int s = next++;
                    inFlight.add(CompletableFuture.supplyAsync(() -> format(output, s), pool));
                }
                out.write(inFlight.get(i).join());
                inFlight.set(i, null);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] format(RunOutput output, int i) {
        BarSeries s = output.series(i);
        int nCols = output.columns().size();
        String symbol = s.symbol();
        double[][] bars = new double[BAR_FIELDS.length][];
        for (int k = 0; k < BAR_FIELDS.length; k++) bars[k] = s.values(BAR_FIELDS[k]);
        StringBuilder sb = new StringBuilder(s.size() * (40 + 12 * (BAR_FIELDS.length + nCols)));
        for (int t = 0; t < s.size(); t++) {
            sb.append(LocalDate.ofEpochDay(s.epochDay(t))).append(',').append(symbol);
            for (double[] b : bars) CsvText.appendNumber(sb.append(','), b[t]);
            for (int c = 0; c < nCols; c++) CsvText.appendNumber(sb.append(','), output.value(i, c, t));
            if (output.isSynthetic()) sb.append(',').append(CsvText.SYNTHETIC);
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override public String toString() { return "csv " + file; }
}
