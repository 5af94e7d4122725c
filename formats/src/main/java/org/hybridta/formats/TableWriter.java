package org.hybridta.formats;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes one table file part by part: {@link #append} batches of rows, then {@link #commit()} to publish
 * the file. Until the commit the rows go to a temporary file beside the target; the commit renames it onto
 * the target in one step, so a reader sees the old file or the whole new one, never a part.
 * {@link #close()} without a commit discards everything, and so does any failure: use try-with-resources
 * and an exception anywhere between opening and committing leaves neither a file nor a temporary.
 *
 * <pre>{@code
 * try (TableWriter out = TableFormat.PARQUET.open(Path.of("run.parquet"), schema)) {
 *     for (...) out.append(batch);
 *     out.commit();
 * }
 * }</pre>
 *
 * Memory is bounded by the writer's row groups ({@link WriteOptions#rowGroupRows()}), not by the table.
 * A writer is used from one thread at a time. Errors are {@link IOException}s with a one-line message that
 * names the file and the reason, e.g. {@code out/run.parquet: cannot write: No space left on device}.
 */
public interface TableWriter extends AutoCloseable {

    /** The file this writer publishes on {@link #commit()}, as it was named. */
    Path target();

    TableSchema schema();

    /** Rows appended so far. */
    long rows();

    /**
     * Copies the batch's rows into the writer; the caller may reuse its arrays as soon as this returns.
     * On failure the writer is discarded (nothing is published) and every later call fails.
     *
     * @throws IllegalArgumentException if the batch belongs to another schema or an INT32 value is not a whole
     *                                  number in the int range
     * @throws IllegalStateException    if a column is not bound, or the writer is committed or closed
     * @throws IOException              if writing the temporary file fails (disk full, …)
     */
    void append(RowBatch batch) throws IOException;

    /**
     * Writes what is buffered, finishes the file and moves it onto the target atomically. Afterwards only
     * {@link #close()} may be called (and does nothing).
     *
     * @throws IOException naming the target and the reason; the target is then unchanged and no temporary is left
     */
    void commit() throws IOException;

    /** Discards everything unless {@link #commit()} succeeded. Safe to call twice. */
    @Override void close();
}
