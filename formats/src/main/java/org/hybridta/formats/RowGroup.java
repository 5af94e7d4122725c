package org.hybridta.formats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one Parquet row group, column by column in primitive arrays: dates and integers as ints
 * (with a null flag per INT32 row), floats as doubles (NaN for NULL), symbols as indices into the group's
 * own dictionary of that column. Filled by {@link #append}, read by {@link ChunkEncoder}, reused after
 * {@link #clear}.
 */
final class RowGroup {
    final TableSchema schema;
    final int capacity;
    final int[][] ints;
    final double[][] doubles;
    final boolean[][] nulls;
    final List<List<String>> dictionaries = new ArrayList<>();
    private final List<Map<String, Integer>> ids = new ArrayList<>();
    int rows;

    RowGroup(TableSchema schema, int capacity) {
        this.schema = schema;
        this.capacity = capacity;
        int n = schema.size();
        ints = new int[n][];
        doubles = new double[n][];
        nulls = new boolean[n][];
        for (int c = 0; c < n; c++) {
            switch (schema.column(c).type()) {
                case DATE, SYMBOL -> ints[c] = new int[capacity];
                case FLOAT64 -> doubles[c] = new double[capacity];
                case INT32 -> {
                    ints[c] = new int[capacity];
                    nulls[c] = new boolean[capacity];
                }
            }
            dictionaries.add(new ArrayList<>());
            ids.add(new HashMap<>());
        }
    }

    boolean isFull() { return rows == capacity; }

    void clear() {
        rows = 0;
        for (int c = 0; c < dictionaries.size(); c++) {
            dictionaries.get(c).clear();
            ids.get(c).clear();
        }
    }

    /**
     * Copies rows {@code [from, from + n)} of the batch, {@code n} as many as fit.
     *
     * @return the number of rows copied
     * @throws IllegalArgumentException if an INT32 value given as a double is not a whole int
     */
    int append(RowBatch batch, int from) {
        int n = Math.min(batch.rows() - from, capacity - rows);
        for (int c = 0; c < schema.size(); c++) {
            Object array = batch.array(c);
            int src = batch.offset(c) + from;
            switch (schema.column(c).type()) {
                case DATE -> System.arraycopy((int[]) array, src, ints[c], rows, n);
                case SYMBOL -> symbols(c, batch, from, n);
                case FLOAT64 -> System.arraycopy((double[]) array, src, doubles[c], rows, n);
                case INT32 -> {
                    if (batch.source(c) == RowBatch.Source.INTS) {
                        System.arraycopy((int[]) array, src, ints[c], rows, n);
                        Arrays.fill(nulls[c], rows, rows + n, false);
                    } else {
                        wholeNumbers(c, (double[]) array, src, n, from);
                    }
                }
            }
        }
        rows += n;
        return n;
    }

    private void symbols(int c, RowBatch batch, int from, int n) {
        int[] dst = ints[c];
        if (batch.source(c) == RowBatch.Source.CONSTANT) {
            Arrays.fill(dst, rows, rows + n, id(c, (String) batch.array(c)));
            return;
        }
        String[] values = (String[]) batch.array(c);
        int src = batch.offset(c) + from;
        String previous = null;
        int previousId = -1;
        for (int i = 0; i < n; i++) {
            String v = values[src + i];
            if (v != previous) {                       // runs of one symbol look it up once
                if (v == null) throw new IllegalArgumentException("column " + schema.column(c).name() + ": symbol is null at batch row " + (from + i));
                previousId = id(c, v);
                previous = v;
            }
            dst[rows + i] = previousId;
        }
    }

    private int id(int c, String symbol) {
        Map<String, Integer> map = ids.get(c);
        Integer id = map.get(symbol);
        if (id == null) {
            id = map.size();
            map.put(symbol, id);
            dictionaries.get(c).add(symbol);
        }
        return id;
    }

    private void wholeNumbers(int c, double[] values, int src, int n, int from) {
        int[] dst = ints[c];
        boolean[] isNull = nulls[c];
        for (int i = 0; i < n; i++) {
            double v = values[src + i];
            boolean none = v != v;
            int k = (int) v;
            if (!none && k != v) {
                throw new IllegalArgumentException("column " + schema.column(c).name() + ": " + v
                        + " is not a whole number in the int range (batch row " + (from + i) + ")");
            }
            dst[rows + i] = k;
            isNull[rows + i] = none;
        }
    }
}
