package org.hybridta.indicator;

/**
 * One output of an indicator.
 *
 * @param column   the column name, e.g. {@code macd_12_26_9_signal}
 * @param lookback bars before the first value: the output is {@code NaN} at indices {@code < lookback}
 */
public record Output(String column, int lookback) {
    public Output {
        if (column == null || column.isBlank()) throw new IllegalArgumentException("column must not be blank");
        if (lookback < 0) throw new IllegalArgumentException("lookback must be >= 0, was " + lookback);
    }
}
