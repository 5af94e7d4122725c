package org.hybridta.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.hybridta.io.AtomicFiles;
import org.hybridta.io.CsvText;

/**
 * One CSV file (RFC 4180, {@code \n} line ends, a header row), written through {@link AtomicFiles}: a regular
 * file whole or not at all, a pipe, device or standard output streamed to. Numbers are {@link CsvText}'s: the
 * shortest text that reads back to the same double, whole numbers without a fraction, an empty cell for NULL
 * (NaN). A batch's rows are formatted to bytes in slices on {@link WriteOptions#threads()} threads, then written
 * in order as they finish; the calling thread formats slices too: formatting, not the disk, is what a CSV write
 * spends its time on. A regular file bypasses the page cache past its start ({@link AtomicFiles#openUncached}).
 */
final class CsvTableWriter implements TableWriter {
    static final String FORMAT = "csv";
    /** Rows formatted by one task: big enough to amortise the hand-off, small enough to spread a symbol over cores. */
    private static final int SLICE_ROWS = 256;

    private final AtomicFiles.Output output;
    private final TableSchema schema;
    private final ExecutorService pool;
    private final int threads;
    private final int maxRowBytes;
    private final ColumnType[] types;
    /** The FLOAT64 and INT32 columns, in order. */
    private final int[] numeric;
    /** Each formatting thread's numbers of a slice, row by row. */
    private final ThreadLocal<double[]> scratch = ThreadLocal.withInitial(() -> new double[0]);
    /** Slice buffers written out, for the next slices: a run formats gigabytes, which need not all be allocated. */
    private final ConcurrentLinkedQueue<byte[]> spare = new ConcurrentLinkedQueue<>();
    private DateTable dates = DateTable.NONE;
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
        this.numeric = IntStream.range(0, types.length)
                .filter(c -> types[c] == ColumnType.FLOAT64 || types[c] == ColumnType.INT32).toArray();
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
        AtomicFiles.Output output = AtomicFiles.openUncached(target);   // gigabytes, written once: not through the page cache
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
            DateTable dates = this.dates = this.dates.covering(batch, types);   // seen by the helpers: they start after
            byte[][] symbols = new byte[schema.size()][];
            int rowBytes = maxRowBytes + symbols(batch, symbols);
            int n = batch.rows(), slices = (n + SLICE_ROWS - 1) / SLICE_ROWS;
            Slices work = new Slices(slices);
            List<Future<?>> helpers = new ArrayList<>();
            for (int t = 1; pool != null && t < threads && t < slices; t++) {
                helpers.add(pool.submit(() -> work.formatAll(k -> format(batch, dates, symbols, k * SLICE_ROWS, Math.min(n, (k + 1) * SLICE_ROWS), rowBytes))));
            }
            // the caller formats slices too and writes each finished prefix in order as soon as it is there
            int written = 0;
            while (written < slices) {
                int k = work.claim();
                if (k >= 0) work.put(k, format(batch, dates, symbols, k * SLICE_ROWS, Math.min(n, (k + 1) * SLICE_ROWS), rowBytes));
                for (Slice s; written < slices && (s = k >= 0 ? work.ready(written) : work.await(written)) != null; written++) {
                    output.stream().write(s.bytes, 0, s.length);
                    spare.offer(s.bytes);
                }
            }
            for (Future<?> h : helpers) get(h);   // rethrows a helper's failure; all its slices are written
            rows += n;
        } catch (IOException | RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /**
     * The slices of one batch: claimed by index by the caller and the helpers alike (so both cores format until the
     * batch is done, not one while the other writes), handed to the caller in order.
     */
    private static final class Slices {
        private final AtomicInteger next = new AtomicInteger();
        private final Slice[] done;
        private Throwable failure;

        Slices(int count) { done = new Slice[count]; }

        /** The next unclaimed slice, or -1 when all are claimed. */
        int claim() {
            int k = next.getAndIncrement();
            return k < done.length ? k : -1;
        }

        void formatAll(IntFunction<Slice> format) {
            try {
                for (int k; (k = claim()) >= 0; ) put(k, format.apply(k));
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    failure = e;
                    notifyAll();
                }
                throw e;
            }
        }

        synchronized void put(int k, Slice s) {
            done[k] = s;
            notifyAll();
        }

        /** Slice {@code k} if it is formatted, else null; its bytes are released to the caller. */
        synchronized Slice ready(int k) {
            Slice s = done[k];
            done[k] = null;
            return s;
        }

        /** Waits for slice {@code k} (claimed by a helper). */
        synchronized Slice await(int k) throws IOException {
            try {
                while (done[k] == null) {
                    if (failure instanceof RuntimeException r) throw r;
                    if (failure instanceof Error e) throw e;
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            return ready(k);
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

    /**
     * Rows {@code [from, to)} of the batch as CSV lines. The numbers are first gathered column by column into this
     * thread's row-ordered scratch: each column's array is then read in order (row by row, the thirty-odd arrays of a
     * run are read at once, more streams than the processor prefetches, and a fifth of the time went to waiting for
     * them), and the cells are written from one array read in order.
     */
    private Slice format(RowBatch batch, DateTable dates, byte[][] symbols, int from, int to, int rowBytes) {
        int rows = to - from, m = numeric.length;
        byte[] out = spare.poll();
        if (out == null || out.length < rows * rowBytes) out = new byte[Math.max(SLICE_ROWS, rows) * rowBytes / 4 * 5];   // room for longer symbols
        double[] values = scratch.get();
        if (values.length < rows * m) scratch.set(values = new double[Math.max(SLICE_ROWS, rows) * m]);
        for (int j = 0; j < m; j++) {
            int c = numeric[j], offset = batch.offset(c) + from;
            if (batch.array(c) instanceof int[] ints) {
                for (int r = 0; r < rows; r++) values[r * m + j] = ints[offset + r];
                continue;
            }
            double[] column = (double[]) batch.array(c);
            for (int r = 0; r < rows; r++) values[r * m + j] = column[offset + r];
            if (types[c] != ColumnType.INT32) continue;
            for (int r = 0; r < rows; r++) {
                double v = column[offset + r];
                if (v == v && (int) v != v) {
                    throw new IllegalArgumentException("column " + schema.column(c).name() + ": " + v
                            + " is not a whole number in the int range (batch row " + (from + r) + ")");
                }
            }
        }
        int columns = types.length;
        Object[] arrays = new Object[columns];
        int[] offsets = new int[columns];
        for (int c = 0; c < columns; c++) {
            arrays[c] = batch.array(c);
            offsets[c] = batch.offset(c);
        }
        int at = 0, k = 0;
        for (int r = from; r < to; r++) {
            for (int c = 0; c < columns; c++) {
                if (c > 0) out[at++] = ',';
                switch (types[c]) {
                    case DATE -> at = dates.write(out, at, ((int[]) arrays[c])[offsets[c] + r]);
                    case SYMBOL -> {
                        byte[] s = symbols[c] != null ? symbols[c] : text(((String[]) arrays[c])[offsets[c] + r]);
                        System.arraycopy(s, 0, out, at, s.length);
                        at += s.length;
                    }
                    case FLOAT64, INT32 -> at = CsvText.writeNumber(out, at, values[k++]);
                }
            }
            out[at++] = '\n';
        }
        return new Slice(out, at);
    }

    /**
     * The text of the dates of a run's days, made once per day rather than once per row (each symbol repeats the
     * calendar): {@code yyyy-MM-dd} for the days from {@code first}, 10 bytes each; other days are formatted as they
     * come. Immutable; grown by the writer's thread to cover each batch before its slices are formatted.
     */
    private record DateTable(int first, byte[] text) {
        static final DateTable NONE = new DateTable(0, new byte[0]);
        private static final int MAX_DAYS = 1 << 20;   // 10 MB: a table of ~2,900 years

        int write(byte[] dst, int at, int epochDay) {
            int d = epochDay - first;
            if (d < 0 || d >= text.length / 10) return CsvText.writeDate(dst, at, epochDay);
            System.arraycopy(text, 10 * d, dst, at, 10);
            return at + 10;
        }

        /** This table, or a larger one that holds every date of the batch's date columns (years 0 to 9999). */
        DateTable covering(RowBatch batch, ColumnType[] types) {
            int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
            for (int c = 0; c < types.length; c++) {
                if (types[c] != ColumnType.DATE) continue;
                int[] days = (int[]) batch.array(c);
                for (int i = batch.offset(c), end = i + batch.rows(); i < end; i++) {
                    lo = Math.min(lo, days[i]);
                    hi = Math.max(hi, days[i]);
                }
            }
            int days = text.length / 10;
            if (lo > hi || lo >= first && hi < first + days) return this;
            if (days > 0) {
                lo = Math.min(lo, first);
                hi = Math.max(hi, first + days - 1);
            }
            lo = (int) Math.max(lo, LocalDate.of(0, 1, 1).toEpochDay());
            hi = (int) Math.min(hi, LocalDate.of(9999, 12, 31).toEpochDay());
            if (lo > hi || (long) hi - lo >= MAX_DAYS) return this;
            byte[] table = new byte[10 * (hi - lo + 1)];
            for (int d = lo; d <= hi; d++) CsvText.writeDate(table, 10 * (d - lo), d);
            return new DateTable(lo, table);
        }
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

    private static void get(Future<?> f) throws IOException {
        try {
            f.get();
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
