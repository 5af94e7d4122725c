package org.hybridta.indicator;

import java.util.Objects;

/** One output of a function: TA-Lib's name as python's {@code talib} gives it ({@code upperband}, {@code macdsignal}) and its type. */
public record OutputInfo(String name, ValueType type) {
    public OutputInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
