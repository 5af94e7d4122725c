package org.hybridta.formats;

import java.util.Objects;

/**
 * How a {@link TableWriter} writes; {@link #defaults()} suits runs of any size.
 *
 * @param rowGroupRows     rows per Parquet row group: the unit that is compressed at once and so the
 *                         writer's memory (about {@code rowGroupRows × columns × 8} bytes, twice: one group
 *                         being filled while the previous one is compressed); also the unit readers fetch
 *                         and skip by
 * @param compressionLevel zstd level, 1 (fastest) to 22; negative levels trade size for more speed
 * @param threads          threads that encode and compress a row group's columns in parallel
 * @param tableName        the DuckDB table that holds the rows
 */
public record WriteOptions(int rowGroupRows, int compressionLevel, int threads, String tableName) {
    /** About 31 MB per buffer at 30 columns; DuckDB's own row groups are 122,880 rows. */
    public static final int DEFAULT_ROW_GROUP_ROWS = 1 << 17;
    /** zstd's fastest positive level, as pyarrow uses: most of level 3's size at twice its speed on prices. */
    public static final int DEFAULT_COMPRESSION_LEVEL = 1;
    public static final String DEFAULT_TABLE_NAME = "indicators";

    public WriteOptions {
        if (rowGroupRows < 1) throw new IllegalArgumentException("rowGroupRows must be >= 1, was " + rowGroupRows);
        if (compressionLevel < -131072 || compressionLevel > 22 || compressionLevel == 0) {
            throw new IllegalArgumentException("compressionLevel must be 1..22 or negative, was " + compressionLevel);
        }
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        Objects.requireNonNull(tableName, "tableName");
        if (tableName.isBlank()) throw new IllegalArgumentException("tableName must not be blank");
    }

    /** 131,072-row groups, zstd level 1, one thread per processor, table {@code indicators}. */
    public static WriteOptions defaults() {
        return new WriteOptions(DEFAULT_ROW_GROUP_ROWS, DEFAULT_COMPRESSION_LEVEL,
                Runtime.getRuntime().availableProcessors(), DEFAULT_TABLE_NAME);
    }

    public WriteOptions withRowGroupRows(int rows) {
        return new WriteOptions(rows, compressionLevel, threads, tableName);
    }

    public WriteOptions withCompressionLevel(int level) {
        return new WriteOptions(rowGroupRows, level, threads, tableName);
    }

    public WriteOptions withThreads(int n) {
        return new WriteOptions(rowGroupRows, compressionLevel, n, tableName);
    }

    public WriteOptions withTableName(String name) {
        return new WriteOptions(rowGroupRows, compressionLevel, threads, name);
    }
}
