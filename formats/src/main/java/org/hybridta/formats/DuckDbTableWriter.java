package org.hybridta.formats;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.UnaryOperator;

/**
 * A DuckDB database file with one table. The rows are staged as a Parquet file (our fast writer) in a
 * temporary folder beside the target; the commit has DuckDB load it with {@code read_parquet} — its
 * multi-threaded C++ reader, several times faster than feeding the JDBC appender row by row — into a
 * database in the same folder, checkpoints it and renames it onto the target. The folder, staging file,
 * write-ahead log and spill files included, is deleted in every case.
 */
final class DuckDbTableWriter implements TableWriter {
    static final String FORMAT = "duckdb";
    private static final String DRIVER = "org.duckdb.DuckDBDriver";
    /** DuckDB's own memory (outside the Java heap) while loading; beyond it DuckDB spills to the temporary folder. */
    static final String MEMORY_LIMIT = "1GB";

    private final PendingFile folder;
    private final ParquetTableWriter staging;
    private final WriteOptions options;
    private boolean finished;

    private DuckDbTableWriter(PendingFile folder, ParquetTableWriter staging, WriteOptions options) {
        this.folder = folder;
        this.staging = staging;
        this.options = options;
    }

    static TableWriter open(Path target, TableSchema schema, WriteOptions options) throws IOException {
        return open(target, schema, options, UnaryOperator.identity());
    }

    static DuckDbTableWriter open(Path target, TableSchema schema, WriteOptions options, UnaryOperator<OutputStream> decorate)
            throws IOException {
        requireDriver();
        PendingFile folder = PendingFile.folder(target, FORMAT);
        try {
            PendingFile rows = PendingFile.file(folder.temp().resolve("rows.parquet"), ParquetTableWriter.FORMAT);
            return new DuckDbTableWriter(folder, ParquetTableWriter.open(rows, schema, options, decorate), options);
        } catch (IOException | RuntimeException e) {
            folder.discard();
            throw PendingFile.rethrow(target, e);
        }
    }

    static boolean driverPresent() {
        try {
            Class.forName(DRIVER, false, DuckDbTableWriter.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static void requireDriver() {
        if (!driverPresent()) {
            throw new IllegalStateException("DuckDB output needs DuckDB's JDBC driver on the class path (Maven: org.duckdb:duckdb_jdbc)");
        }
    }

    @Override public Path target() { return folder.target(); }

    @Override public TableSchema schema() { return staging.schema(); }

    @Override public long rows() { return staging.rows(); }

    @Override public void append(RowBatch batch) throws IOException {
        try {
            staging.append(batch);
        } catch (IOException | RuntimeException | Error e) {
            close();
            throw PendingFile.rethrow(target(), e);
        }
    }

    @Override public void commit() throws IOException {
        if (finished) throw new IllegalStateException(target() + ": writer is already committed or closed");
        Path rows = folder.temp().resolve("rows.parquet");
        Path database = folder.temp().resolve("table.duckdb");
        try {
            staging.commit();
            load(rows, database);
            folder.commit(database);
            finished = true;
        } catch (IOException | RuntimeException | Error e) {
            close();
            throw PendingFile.rethrow(target(), e);
        }
    }

    private void load(Path rows, Path database) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database); Statement st = c.createStatement()) {
            st.execute("SET threads TO " + options.threads());
            // DuckDB's default is 80% of the machine's memory; loading a large run then holds gigabytes
            st.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
            st.execute(createTable(schema(), options.tableName()));
            st.execute("INSERT INTO " + identifier(options.tableName()) + " SELECT * FROM read_parquet(" + literal(rows.toString()) + ")");
            st.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IOException(e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(""), e);
        } catch (LinkageError e) {
            throw new IOException("DuckDB's native library does not load on this platform (" + e.getMessage() + ")", e);
        }
    }

    /** {@code CREATE TABLE "indicators" ("date" DATE NOT NULL, "symbol" VARCHAR NOT NULL, "close" DOUBLE, …)}. */
    static String createTable(TableSchema schema, String table) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(identifier(table)).append(" (");
        for (int c = 0; c < schema.size(); c++) {
            TableSchema.Column column = schema.column(c);
            if (c > 0) sql.append(", ");
            sql.append(identifier(column.name())).append(' ').append(switch (column.type()) {
                case DATE -> "DATE NOT NULL";
                case SYMBOL -> "VARCHAR NOT NULL";
                case FLOAT64 -> "DOUBLE";
                case INT32 -> "INTEGER";
            });
        }
        return sql.append(')').toString();
    }

    private static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    @Override public void close() {
        if (finished) return;
        finished = true;
        staging.close();
        folder.discard();
    }
}
