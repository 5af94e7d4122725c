package org.hybridta.functions;

import org.hybridta.indicator.CandleSettings;

/**
 * TA-Lib's {@code TA_CANDLEAVERAGE} for one candle setting and one candle of a pattern ({@code offset} bars before
 * the current one), with the running total TA-Lib keeps for it ({@code BodyLongPeriodTotal[2]}, ...): the sum of
 * the setting's range over the {@code avgPeriod} candles before that candle. TA-Lib keeps a separate total per
 * candle of a pattern, each started at the pattern's first bar, and they round differently, so so does this.
 */
final class CandleAverage {
    private static final int REAL_BODY = 0, HIGH_LOW = 1;

    private final int range;
    private final int period;
    private final double factor;
    private final double divisor;
    private final int offset;
    private double total;

    CandleAverage(CandleSettings.Rule rule, int offset) {
        this.range = rule.range().ordinal();
        this.period = rule.avgPeriod();
        this.factor = rule.factor();
        this.divisor = rule.range() == CandleSettings.RangeType.SHADOWS ? 2.0 : 1.0;
        this.offset = offset;
    }

    /** {@code TA_CANDLERANGE}: the setting's measure of candle {@code j}. */
    private double range(Candles c, int j) {
        return switch (range) {
            case REAL_BODY -> c.body(j);
            case HIGH_LOW -> c.highLow(j);
            default -> c.upperShadow(j) + c.lowerShadow(j);
        };
    }

    /** Sums the initial period as TA-Lib does before its main loop, which starts at bar {@code first}. */
    void start(Candles c, int first) {
        double sum = 0;
        for (int j = first - offset - period, end = first - offset; j < end; j++) sum += range(c, j);
        total = sum;
    }

    /** {@code TA_CANDLEAVERAGE} at the current bar for candle {@code j} (the candle this average follows, or the one TA-Lib names). */
    double at(Candles c, int j) {
        return factor * (period != 0 ? total / period : range(c, j)) / divisor;
    }

    /** After bar {@code i}: adds the range of the candle it follows and drops the oldest, as TA-Lib's loop does. */
    void roll(Candles c, int i) {
        int j = i - offset;
        total += range(c, j) - range(c, j - period);
    }
}
