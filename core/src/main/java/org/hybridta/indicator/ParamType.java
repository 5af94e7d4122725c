package org.hybridta.indicator;

/** The type of an optional parameter, as in TA-Lib's abstract interface. */
public enum ParamType {
    /** A whole number in a range (periods). */
    INTEGER,
    /** A number in a range (deviations, accelerations). */
    REAL,
    /** A {@link MaType}, written by its lower-case name. */
    MA_TYPE
}
