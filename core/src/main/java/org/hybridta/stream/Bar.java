package org.hybridta.stream;

import org.hybridta.Field;

/**
 * One bar of one symbol, as a stream consumes it. Values are taken as they are (a live feed is not checked here):
 * the indicators treat them with TA-Lib's arithmetic, a NaN included.
 *
 * @param adjClose the adjusted close, read only by specs that name it ({@code sma:20@adj_close}); {@link #of} sets it to the close
 */
public record Bar(double open, double high, double low, double close, double adjClose, double volume) {

    /** A bar whose adjusted close is its close. */
    public static Bar of(double open, double high, double low, double close, double volume) {
        return new Bar(open, high, low, close, close, volume);
    }

    /** The value of one field. */
    public double get(Field field) {
        return switch (field) {
            case OPEN -> open;
            case HIGH -> high;
            case LOW -> low;
            case CLOSE -> close;
            case ADJ_CLOSE -> adjClose;
            case VOLUME -> volume;
        };
    }
}
