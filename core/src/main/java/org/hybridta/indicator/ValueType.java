package org.hybridta.indicator;

/** What an output holds. Integer outputs (pattern signals, bar indexes) are whole numbers stored exactly in doubles. */
public enum ValueType {
    REAL, INTEGER
}
