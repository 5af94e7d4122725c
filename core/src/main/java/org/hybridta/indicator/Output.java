package org.hybridta.indicator;

import java.util.Objects;

/**
 * One output of an indicator, as a column.
 *
 * @param column   the column name: the spec with {@code :}, {@code @} and {@code /} replaced by {@code _}, plus
 *                 {@code _<name>} for a multi-output function ({@code macd_12_26_9_macdsignal})
 * @param name     TA-Lib's output name ({@code macdsignal}, {@code real})
 * @param type     whether the values are whole numbers
 * @param lookback bars before the first value: the output is {@code NaN} at indices {@code < lookback}
 */
public record Output(String column, String name, ValueType type, int lookback) {
    public Output {
        if (column == null || column.isBlank()) throw new IllegalArgumentException("column must not be blank");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (lookback < 0) throw new IllegalArgumentException("lookback must be >= 0, was " + lookback);
    }
}
