package org.hybridta.formats;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A query's rows as boxed values in {@link SampleTable#expectedRows()}'s shape (dates as epoch days). */
final class DuckDbReadBack {
    private DuckDbReadBack() {}

    /** Every row of a Parquet file, through DuckDB's {@code read_parquet}, in file order. */
    static List<Object[]> parquetRows(Path file) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            return rows(st, "SELECT * FROM read_parquet('" + file.toString().replace("'", "''") + "')");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    static List<Object[]> rows(Statement st, String query) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int c = 0; c < n; c++) {
                    Object v = rs.getObject(c + 1);
                    if (v instanceof java.sql.Date d) v = (int) d.toLocalDate().toEpochDay();
                    if (v instanceof LocalDate d) v = (int) d.toEpochDay();
                    row[c] = v;
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
