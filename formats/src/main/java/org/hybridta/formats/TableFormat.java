package org.hybridta.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.hybridta.io.AtomicFiles;

/**
 * The table formats: {@link #CSV} (text, for anything), {@link #PARQUET} (typed, one zstd-compressed file, for
 * pandas, polars, DuckDB, Spark) and {@link #DUCKDB} (a database file with one table, to query with SQL).
 */
public enum TableFormat {
    /**
     * Comma-separated text with a header row; numbers in full precision (they read back to the same doubles), NULL
     * as an empty cell. The only format that can stream: to a pipe, a device or standard output ({@code -}).
     */
    CSV("csv"),
    /** Apache Parquet: format v1 data pages, zstd, row groups of {@link WriteOptions#rowGroupRows()} rows. */
    PARQUET("parquet"),
    /**
     * A DuckDB database holding the rows in table {@link WriteOptions#tableName()}. Needs DuckDB's JDBC driver
     * ({@code org.duckdb:duckdb_jdbc}, native code for Linux, macOS and Windows) on the class path.
     */
    DUCKDB("duckdb");

    private final String extension;

    TableFormat(String extension) {
        this.extension = extension;
    }

    /** The file name extension, without the dot, also the format's name: {@code parquet}, {@code duckdb}. */
    public String extension() { return extension; }

    /** The format a file name asks for by its extension ({@code .csv}, {@code .parquet}, {@code .duckdb}; any case), if any. */
    public static Optional<TableFormat> forFileName(Path file) {
        Path name = file.getFileName();
        if (name == null) return Optional.empty();
        String lower = name.toString().toLowerCase(Locale.ROOT);
        for (TableFormat f : values()) {
            if (lower.endsWith("." + f.extension)) return Optional.of(f);
        }
        return Optional.empty();
    }

    /** Whether this format can be written here ({@link #DUCKDB} needs its driver on the class path). */
    public boolean isAvailable() {
        return this != DUCKDB || DuckDbTableWriter.driverPresent();
    }

    /**
     * Checks, before any work is done, that {@code target} can be written in this format: the format is
     * available, the target is not a directory (nor, except for CSV, a pipe or device), its folder exists
     * (created when missing) and is writable.
     *
     * @throws IOException           naming the target and the problem
     * @throws IllegalStateException if this format's library is missing (see {@link #isAvailable()})
     */
    public void check(Path target) throws IOException {
        Objects.requireNonNull(target, "target");
        if (this == CSV) {
            AtomicFiles.checkTarget(target);
            return;
        }
        if (this == DUCKDB) DuckDbTableWriter.requireDriver();
        PendingFile.check(target, extension);
    }

    /** {@link #open(Path, TableSchema, WriteOptions)} with {@link WriteOptions#defaults()}. */
    public TableWriter open(Path target, TableSchema schema) throws IOException {
        return open(target, schema, WriteOptions.defaults());
    }

    /**
     * A writer that publishes {@code target} on {@link TableWriter#commit()}. A symbolic link is written
     * through to the file it points at; a directory is refused; CSV streams to a pipe, a device or standard
     * output ({@code -}), which the other formats refuse (they are written whole and read back by seeking).
     *
     * @throws IOException           naming the target and the reason, e.g. {@code out/run.parquet: cannot write: Permission denied}
     * @throws IllegalStateException if this format's library is missing (see {@link #isAvailable()})
     */
    public TableWriter open(Path target, TableSchema schema, WriteOptions options) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(options, "options");
        return switch (this) {
            case CSV -> CsvTableWriter.open(target, schema, options);
            case PARQUET -> ParquetTableWriter.open(target, schema, options);
            case DUCKDB -> DuckDbTableWriter.open(target, schema, options);
        };
    }
}
