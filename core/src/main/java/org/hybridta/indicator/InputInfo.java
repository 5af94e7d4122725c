package org.hybridta.indicator;

import java.util.List;
import java.util.Objects;
import org.hybridta.Field;

/**
 * One input of a function, as in TA-Lib's abstract interface: either a set of price fields read as they are
 * (TA-Lib's {@code inPriceHLC}: {@code fields} = high, low, close) or one series of any field
 * ({@code selectable}; TA-Lib's {@code inReal}, {@code fields} holds the one field read by default).
 *
 * @param name TA-Lib's input name in lower case without {@code in}: {@code pricehlc}, {@code real}, {@code real0}
 */
public record InputInfo(String name, List<Field> fields, boolean selectable) {
    public InputInfo {
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
        if (fields.isEmpty()) throw new IllegalArgumentException(name + ": no fields");
        if (selectable && fields.size() != 1) throw new IllegalArgumentException(name + ": a selectable input reads one field");
    }
}
