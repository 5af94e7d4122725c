package org.hybridta.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hybridta.io.AtomicFiles;
import org.hybridta.io.CsvText;

/**
 * One CSV file (RFC 4180, {@code \n} line ends, a header row), written through {@link AtomicFiles}: a regular
 * file whole or not at all, a pipe, device or standard output streamed to. Numbers are {@link CsvText}'s: the
 * shortest text that reads back to the same double, whole numbers without a fraction, an empty cell for NULL
 * (NaN). A batch's rows are formatted to bytes in slices on {@link WriteOptions#threads()} threads, then written
 * in order: formatting, not the disk, is what a CSV write spends its time on.
 */
final class CsvTableWriter implements TableWriter {
    static final String FORMAT = "csv";
    /** Rows formatted by one task: big enough to amortise the hand-off, small enough to spread a symbol over cores. */
    private static final int SLICE_ROWS = 512;

    private final AtomicFiles.Output output;
    private final TableSchema schema;
    private final ExecutorService pool;
    private final int threads;
    private final int maxRowBytes;
    private final ColumnType[] types;
    private long rows;
    private boolean finished;

    private CsvTableWriter(AtomicFiles.Output output, TableSchema schema, WriteOptions options) {
        this.output = output;
        this.schema = schema;
        this.threads = options.threads();
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {   // the caller formats a slice too
            Thread t = new Thread(r, "hybridta-csv");
            t.setDaemon(true);
            return t;
        }) : null;
        this.types = schema.columns().stream().map(TableSchema.Column::type).toArray(ColumnType[]::new);
        int bytes = 1;
        for (TableSchema.Column c : schema.columns()) {
            bytes += 1 + switch (c.type()) {
                case DATE -> 16;
                case SYMBOL -> 0;   // added per batch
                case FLOAT64, INT32 -> CsvText.MAX_NUMBER_BYTES;
            };
        }
        this.maxRowBytes = bytes;
    }

    static TableWriter open(Path target, TableSchema schema, WriteOptions options) throws IOException {
        if (!AtomicFiles.isStandardOutput(target)) {
            Path dir = target.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
        }
        AtomicFiles.Output output = AtomicFiles.open(target);
        CsvTableWriter writer = new CsvTableWriter(output, schema, options);
        try {
            StringBuilder header = new StringBuilder();
            for (TableSchema.Column c : schema.columns()) appendText(header.append(header.length() == 0 ? "" : ","), c.name());
            output.stream().write(header.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            return writer;
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    @Override public Path target() { return output.target(); }

    @Override public TableSchema schema() { return schema; }

    @Override public long rows() { return rows; }

    @Override public void append(RowBatch batch) throws IOException {
        checkOpen();
        if (!batch.schema().equals(schema)) {
            close();
            throw new IllegalArgumentException("batch of " + batch.schema() + " appended to a writer of " + schema);
        }
        try {
            batch.checkComplete();
            byte[][] symbols = new byte[schema.size()][];
            int rowBytes = maxRowBytes + symbols(batch, symbols);
            int n = batch.rows(), slices = (n + SLICE_ROWS - 1) / SLICE_ROWS;
            List<Future<Slice>> pending = new ArrayList<>(slices);
            int width = rowBytes;
            for (int k = 1; pool != null && k < slices; k++) {
                int from = k * SLICE_ROWS;
                pending.add(pool.submit(() -> format(batch, symbols, from, Math.min(n, from + SLICE_ROWS), width)));
            }
            Slice first = n == 0 ? null : format(batch, symbols, 0, Math.min(n, SLICE_ROWS), width);
            if (first != null) output.stream().write(first.bytes, 0, first.length);
            for (int k = 1; k < slices; k++) {
                Slice s = pool != null ? get(pending.get(k - 1)) : format(batch, symbols, k * SLICE_ROWS, Math.min(n, (k + 1) * SLICE_ROWS), width);
                output.stream().write(s.bytes, 0, s.length);
            }
            rows += n;
        } catch (IOException | RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    @Override public void commit() throws IOException {
        checkOpen();
        finished = true;
        try {
            output.commit();
        } finally {
            if (pool != null) pool.shutdownNow();
        }
    }

    @Override public void close() {
        if (pool != null) pool.shutdownNow();
        if (finished) return;
        finished = true;
        output.close();
    }

    private record Slice(byte[] bytes, int length) {}

    /** Rows {@code [from, to)} of the batch as CSV lines. */
    private Slice format(RowBatch batch, byte[][] symbols, int from, int to, int rowBytes) {
        byte[] out = new byte[(to - from) * rowBytes];
        int columns = types.length;
        Object[] arrays = new Object[columns];
        int[] offsets = new int[columns];
        boolean[] ints = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            arrays[c] = batch.array(c);
            offsets[c] = batch.offset(c);
            ints[c] = batch.source(c) == RowBatch.Source.INTS;
        }
        int at = 0;
        for (int r = from; r < to; r++) {
            for (int c = 0; c < columns; c++) {
                if (c > 0) out[at++] = ',';
                int i = offsets[c] + r;
                switch (types[c]) {
                    case DATE -> at = CsvText.writeDate(out, at, ((int[]) arrays[c])[i]);
                    case SYMBOL -> {
                        byte[] s = symbols[c] != null ? symbols[c] : text(((String[]) arrays[c])[i]);
                        System.arraycopy(s, 0, out, at, s.length);
                        at += s.length;
                    }
                    case FLOAT64 -> at = CsvText.writeNumber(out, at, ((double[]) arrays[c])[i]);
                    case INT32 -> {
                        double v = ints[c] ? ((int[]) arrays[c])[i] : ((double[]) arrays[c])[i];
                        if (v == v && (int) v != v) {
                            throw new IllegalArgumentException("column " + schema.column(c).name() + ": " + v
                                    + " is not a whole number in the int range (batch row " + r + ")");
                        }
                        at = CsvText.writeNumber(out, at, v);
                    }
                }
            }
            out[at++] = '\n';
        }
        return new Slice(out, at);
    }

    /**
     * Fills {@code constant} with the bytes of each symbol column that holds one symbol in every row (null for the
     * others) and returns the room a row needs for its symbols.
     */
    private int symbols(RowBatch batch, byte[][] constant) {
        int room = 0;
        for (int c = 0; c < schema.size(); c++) {
            if (schema.column(c).type() != ColumnType.SYMBOL) continue;
            if (batch.source(c) == RowBatch.Source.CONSTANT) {
                constant[c] = text((String) batch.array(c));
                room += constant[c].length;
                continue;
            }
            int longest = 0;
            String[] values = (String[]) batch.array(c);
            for (int r = 0; r < batch.rows(); r++) {
                String v = values[batch.offset(c) + r];
                if (v == null) throw new IllegalArgumentException("column " + schema.column(c).name() + ": symbol is null at batch row " + r);
                longest = Math.max(longest, 3 * v.length() + 2);   // UTF-8, quoted, quotes doubled at worst
            }
            room += longest;
        }
        return room;
    }

    /** A text cell as UTF-8, quoted (RFC 4180) when it holds a comma, a quote or a line break. */
    private static byte[] text(String s) {
        return appendText(new StringBuilder(s.length() + 2), s).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder appendText(StringBuilder sb, String s) {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char ch = s.charAt(i);
            quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
        }
        if (!quote) return sb.append(s);
        return sb.append('"').append(s.replace("\"", "\"\"")).append('"');
    }

    private static Slice get(Future<Slice> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IOException(cause);
        }
    }

    private void checkOpen() {
        if (finished) throw new IllegalStateException(target() + ": writer is already committed or closed");
    }
}
