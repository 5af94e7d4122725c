package org.hybridta.formats;

/**
 * The type of a {@link TableSchema} column, and how each format stores it.
 *
 * <table>
 *   <caption>Column types in each format</caption>
 *   <tr><th>type</th><th>Parquet</th><th>DuckDB</th><th>null</th></tr>
 *   <tr><td>{@link #DATE}</td><td>INT32 annotated DATE</td><td>DATE</td><td>never</td></tr>
 *   <tr><td>{@link #SYMBOL}</td><td>BINARY annotated STRING, dictionary-encoded</td><td>VARCHAR</td><td>never</td></tr>
 *   <tr><td>{@link #FLOAT64}</td><td>DOUBLE, plain-encoded</td><td>DOUBLE</td><td>where the value is NaN</td></tr>
 *   <tr><td>{@link #INT32}</td><td>INT32</td><td>INTEGER</td><td>where the value is NaN (from doubles)</td></tr>
 * </table>
 */
public enum ColumnType {
    /** A calendar date, given as days since 1970-01-01 ({@link java.time.LocalDate#toEpochDay()}). */
    DATE,
    /** A short string from a small set, such as a ticker: stored once per row group and referenced by index. */
    SYMBOL,
    /** A 64-bit floating-point number; NaN, the library's "no value", is written as NULL. */
    FLOAT64,
    /** A 32-bit integer, such as a candlestick pattern's output; NULL where there is no value. */
    INT32;

    /** Whether the column may hold NULL (the value columns) or never does (the key columns). */
    public boolean nullable() {
        return this == FLOAT64 || this == INT32;
    }
}
