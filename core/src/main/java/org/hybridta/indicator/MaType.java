package org.hybridta.indicator;

import java.util.Locale;

/**
 * TA-Lib's moving-average types, in TA-Lib's order: {@link #ordinal()} is TA-Lib's {@code TA_MAType} value.
 * In the text form a type is written by its lower-case name ({@code stoch:14:3:ema:3:ema}).
 */
public enum MaType {
    SMA, EMA, WMA, DEMA, TEMA, TRIMA, KAMA, MAMA, T3;

    private static final MaType[] VALUES = values();

    /** The lower-case name used in specs, e.g. {@code ema}. */
    public String text() { return name().toLowerCase(Locale.ROOT); }

    /** The type with TA-Lib's number {@code code} (0 = SMA ... 8 = T3). */
    public static MaType of(int code) {
        if (code < 0 || code >= VALUES.length) throw new IllegalArgumentException("no MA type " + code + " (0..8)");
        return VALUES[code];
    }
}
