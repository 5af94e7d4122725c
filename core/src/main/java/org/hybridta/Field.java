package org.hybridta;

/** One column of bar data. Indicators name the fields they read through {@link org.hybridta.indicator.Indicator#inputs()}. */
public enum Field {
    OPEN, HIGH, LOW, CLOSE, ADJ_CLOSE, VOLUME;

    /** The lower-case column name used in CSV files ({@code adj_close} for {@link #ADJ_CLOSE}). */
    public String columnName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
