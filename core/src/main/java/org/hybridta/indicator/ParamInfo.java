package org.hybridta.indicator;

import java.util.Objects;

/**
 * One optional parameter of a function, with TA-Lib's name (its {@code optIn} name in lower case without the
 * prefix, as python's {@code talib} names it: {@code timeperiod}, {@code nbdevup}, {@code slowk_matype}), default
 * and inclusive range. An {@link ParamType#MA_TYPE MA_TYPE}'s default and range are {@link MaType} ordinals.
 */
public record ParamInfo(String name, ParamType type, double defaultValue, double min, double max) {
    public ParamInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!(min <= defaultValue && defaultValue <= max)) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
        }
    }
}
