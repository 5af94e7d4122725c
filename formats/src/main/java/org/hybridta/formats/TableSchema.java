package org.hybridta.formats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The typed columns of a table, in order. Names are unique regardless of case (DuckDB's identifiers are
 * case-insensitive, so {@code Close} and {@code close} could not both be columns there).
 *
 * <pre>{@code
 * TableSchema schema = TableSchema.builder()
 *         .date("date").symbol("symbol")
 *         .float64("close").float64("sma_200")
 *         .int32("cdlengulfing")
 *         .build();
 * }</pre>
 */
public final class TableSchema {
    /** One column: its name and type. */
    public record Column(String name, ColumnType type) {
        public Column {
            Objects.requireNonNull(type, "type");
            if (name == null || name.isBlank()) throw new IllegalArgumentException("column name must not be blank");
        }
    }

    private final List<Column> columns;
    private final Map<String, Integer> index = new HashMap<>();

    private TableSchema(List<Column> columns) {
        if (columns.isEmpty()) throw new IllegalArgumentException("a table needs at least one column");
        this.columns = List.copyOf(columns);
        for (int i = 0; i < columns.size(); i++) {
            String key = columns.get(i).name().toLowerCase(Locale.ROOT);
            Integer previous = index.put(key, i);
            if (previous != null) {
                throw new IllegalArgumentException("duplicate column " + columns.get(i).name() + " (same as "
                        + columns.get(previous).name() + " regardless of case)");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Column> columns() { return columns; }

    public int size() { return columns.size(); }

    public Column column(int i) { return columns.get(i); }

    /**
     * Position of the column named {@code name} (regardless of case).
     *
     * @throws IllegalArgumentException naming the columns there are
     */
    public int indexOf(String name) {
        Integer i = index.get(name.toLowerCase(Locale.ROOT));
        if (i == null) {
            throw new IllegalArgumentException("no column " + name + " (columns: "
                    + String.join(", ", columns.stream().map(Column::name).toList()) + ")");
        }
        return i;
    }

    @Override public boolean equals(Object o) {
        return o instanceof TableSchema other && columns.equals(other.columns);
    }

    @Override public int hashCode() { return columns.hashCode(); }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder("TableSchema[");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(columns.get(i).name()).append(' ').append(columns.get(i).type());
        }
        return sb.append(']').toString();
    }

    /** Adds columns in order. */
    public static final class Builder {
        private final List<Column> columns = new ArrayList<>();

        private Builder() {}

        public Builder add(String name, ColumnType type) {
            columns.add(new Column(name, type));
            return this;
        }

        public Builder date(String name) { return add(name, ColumnType.DATE); }

        public Builder symbol(String name) { return add(name, ColumnType.SYMBOL); }

        public Builder float64(String name) { return add(name, ColumnType.FLOAT64); }

        public Builder int32(String name) { return add(name, ColumnType.INT32); }

        /** @throws IllegalArgumentException if there is no column or two share a name */
        public TableSchema build() {
            return new TableSchema(columns);
        }
    }
}
