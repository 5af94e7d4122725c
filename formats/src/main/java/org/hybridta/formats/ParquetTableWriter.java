package org.hybridta.formats;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * One Parquet file, written row group by row group through parquet-java's {@link ParquetFileWriter}. Rows
 * are copied into a {@link RowGroup}; a full group's columns are encoded and compressed in parallel while
 * the caller fills the next group, then written in column order. Two groups are in memory at most.
 */
final class ParquetTableWriter implements TableWriter {
    static final String FORMAT = "parquet";

    private final PendingFile file;
    private final TableSchema schema;
    private final WriteOptions options;
    private final List<ColumnDescriptor> descriptors;
    private final TempOutput output;
    private final ParquetFileWriter writer;
    private final ExecutorService pool;
    private RowGroup filling;
    private RowGroup spare;
    private RowGroup encoding;
    private List<Future<ChunkEncoder.Chunk>> chunks = List.of();
    private long rows;
    private boolean finished;

    private ParquetTableWriter(PendingFile file, TableSchema schema, WriteOptions options, UnaryOperator<OutputStream> decorate)
            throws IOException {
        this.file = file;
        this.schema = schema;
        this.options = options;
        MessageType message = messageType(schema);
        this.descriptors = message.getColumns();
        ParquetProperties properties = ParquetProperties.builder()
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                .build();
        this.output = new TempOutput(file.temp(), decorate);
        this.writer = new ParquetFileWriter(output, message, ParquetFileWriter.Mode.OVERWRITE,
                0, 0, null, properties);
        this.writer.start();
        this.filling = new RowGroup(schema, options.rowGroupRows());
        this.pool = Executors.newFixedThreadPool(Math.min(options.threads(), schema.size()), r -> {
            Thread t = new Thread(r, "hybridta-parquet");
            t.setDaemon(true);
            return t;
        });
    }

    static TableWriter open(Path target, TableSchema schema, WriteOptions options) throws IOException {
        return open(PendingFile.file(target, FORMAT), schema, options, UnaryOperator.identity());
    }

    /** For tests and the DuckDB writer: into a given pending file, through a decorated stream. */
    static ParquetTableWriter open(PendingFile file, TableSchema schema, WriteOptions options, UnaryOperator<OutputStream> decorate)
            throws IOException {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(options, "options");
        try {
            return new ParquetTableWriter(file, schema, options, decorate);
        } catch (IOException | RuntimeException e) {
            file.discard();
            throw PendingFile.rethrow(file.target(), e);
        }
    }

    /** The Parquet schema of a table: key columns required, value columns optional (NULL for no value). */
    static MessageType messageType(TableSchema schema) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (TableSchema.Column c : schema.columns()) {
            switch (c.type()) {
                case DATE -> message.required(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(c.name());
                case SYMBOL -> message.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.name());
                case FLOAT64 -> message.optional(PrimitiveTypeName.DOUBLE).named(c.name());
                case INT32 -> message.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(32, true)).named(c.name());
            }
        }
        return message.named("schema");
    }

    @Override public Path target() { return file.target(); }

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
            for (int from = 0; from < batch.rows(); ) {
                from += filling.append(batch, from);
                if (filling.isFull()) flushGroup();
            }
            rows += batch.rows();
        } catch (IOException | RuntimeException | Error e) {
            close();
            throw PendingFile.rethrow(file.target(), e);
        }
    }

    @Override public void commit() throws IOException {
        checkOpen();
        try {
            if (filling.rows > 0) flushGroup();
            writeEncoded();
            writer.end(Map.of());
            file.commit(file.temp());
            finished = true;
        } catch (IOException | RuntimeException | Error e) {
            close();
            throw PendingFile.rethrow(file.target(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    @Override public void close() {
        if (finished) return;
        finished = true;
        pool.shutdownNow();
        for (Future<?> f : chunks) f.cancel(true);
        output.closeQuietly();  // ParquetFileWriter.abort() would leave the stream open
        file.discard();
    }

    /** Starts encoding the filled group, writes the previous one meanwhile, and gives the caller an empty group. */
    private void flushGroup() throws IOException {
        RowGroup full = filling;
        List<Future<ChunkEncoder.Chunk>> next = new ArrayList<>(schema.size());
        for (int c = 0; c < schema.size(); c++) {
            int column = c;
            next.add(pool.submit(() -> ChunkEncoder.encode(full, column, descriptors.get(column), options.compressionLevel())));
        }
        writeEncoded();
        encoding = full;
        chunks = next;
        filling = spare != null ? spare : new RowGroup(schema, options.rowGroupRows());
        filling.clear();
        spare = null;
    }

    /** Waits for the group being encoded and writes it as one row group. */
    private void writeEncoded() throws IOException {
        if (encoding == null) return;
        writer.startBlock(encoding.rows);
        for (Future<ChunkEncoder.Chunk> future : chunks) {
            ChunkEncoder.Chunk chunk = get(future);
            writer.startColumn(chunk.descriptor(), chunk.rows(), CompressionCodecName.ZSTD);
            if (chunk.dictionary() != null) writer.writeDictionaryPage(chunk.dictionary());
            for (ChunkEncoder.Page p : chunk.pages()) {
                writer.writeDataPage(p.rows(), p.uncompressedSize(), p.bytes(), p.statistics(), p.rows(),
                        Encoding.BIT_PACKED, p.definitionLevels(), p.values());
            }
            writer.endColumn();
        }
        writer.endBlock();
        spare = encoding;
        encoding = null;
        chunks = List.of();
    }

    private static ChunkEncoder.Chunk get(Future<ChunkEncoder.Chunk> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IOException(cause);
        }
    }

    private void checkOpen() {
        if (finished) throw new IllegalStateException(file.target() + ": writer is already committed or closed");
    }

    /** The temporary file as parquet-java's output: a buffered stream that counts its position. */
    private static final class TempOutput implements OutputFile {
        private final Path path;
        private final UnaryOperator<OutputStream> decorate;
        private OutputStream out;

        TempOutput(Path path, UnaryOperator<OutputStream> decorate) {
            this.path = path;
            this.decorate = decorate;
        }

        @Override public PositionOutputStream create(long blockSizeHint) throws IOException {
            out = new BufferedOutputStream(decorate.apply(
                    Files.newOutputStream(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)), 1 << 16);
            OutputStream o = out;
            return new PositionOutputStream() {
                private long position;

                @Override public long getPos() { return position; }

                @Override public void write(int b) throws IOException {
                    o.write(b);
                    position++;
                }

                @Override public void write(byte[] b, int off, int len) throws IOException {
                    o.write(b, off, len);
                    position += len;
                }

                @Override public void flush() throws IOException { o.flush(); }

                @Override public void close() throws IOException { o.close(); }
            };
        }

        @Override public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
            return create(blockSizeHint);
        }

        @Override public boolean supportsBlockSize() { return false; }

        @Override public long defaultBlockSize() { return 0; }

        @Override public String getPath() { return path.toString(); }

        /** Closes the stream (the file is being discarded; its underlying stream is closed even if a flush fails). */
        void closeQuietly() {
            if (out == null) return;
            try {
                out.close();
            } catch (IOException | RuntimeException e) {
                // the temporary is deleted next, whatever state its stream is in
            }
        }
    }
}
