package org.hybridta.functions;

import org.hybridta.indicator.CandleSettings;

/**
 * TA-Lib's {@code TA_CANDLEAVERAGE} for one candle setting and one candle of a pattern ({@code offset} bars before
 * the current one), with the running total TA-Lib keeps for it ({@code BodyLongPeriodTotal[2]}, ...): the sum of
 * the setting's range ({@code TA_CANDLERANGE}) over the {@code avgPeriod} candles before that candle. TA-Lib keeps a
 * separate total per candle of a pattern, each started at the pattern's first bar, and they round differently, so
 * so does this.
 *
 * <p>One subclass per range type, as gcc unswitches TA-Lib's loops per range type: each call site in a pattern's
 * loop then sees one class and the JIT inlines its measure, where one shared switch would carry every pattern's
 * profile.
 */
abstract class CandleAverage {
    final int period;
    final double factor;
    final int offset;
    double total;

    private CandleAverage(CandleSettings.Rule rule, int offset) {
        this.period = rule.avgPeriod();
        this.factor = rule.factor();
        this.offset = offset;
    }

    static CandleAverage of(CandleSettings.Rule rule, int offset) {
        return switch (rule.range()) {
            case REAL_BODY -> new RealBody(rule, offset);
            case HIGH_LOW -> new HighLow(rule, offset);
            case SHADOWS -> new Shadows(rule, offset);
        };
    }

    /** {@code TA_CANDLERANGE}: the setting's measure of candle {@code j}. */
    abstract double range(Candles c, int j);

    /**
     * {@code TA_CANDLEAVERAGE} at the current bar for candle {@code j} (the candle this average follows, or the one
     * TA-Lib names): {@code factor * (period != 0 ? total / period : range(j)) / (shadows ? 2.0 : 1.0)}.
     */
    abstract double at(Candles c, int j);

    /** After bar {@code i}: adds the range of the candle it follows and drops the oldest, as TA-Lib's loop does. */
    abstract void roll(Candles c, int i);

    /** Sums the initial period as TA-Lib does before its main loop, which starts at bar {@code first}. */
    final void start(Candles c, int first) {
        double sum = 0;
        for (int j = first - offset - period, end = first - offset; j < end; j++) sum += range(c, j);
        total = sum;
    }

    // TA-Lib's division by 1.0 is the identity, left out; by 2.0 kept.

    private static final class RealBody extends CandleAverage {
        RealBody(CandleSettings.Rule rule, int offset) { super(rule, offset); }

        @Override double range(Candles c, int j) { return c.body(j); }

        @Override double at(Candles c, int j) { return factor * (period != 0 ? total / period : c.body(j)); }

        @Override void roll(Candles c, int i) { total += c.body(i - offset) - c.body(i - offset - period); }
    }

    private static final class HighLow extends CandleAverage {
        HighLow(CandleSettings.Rule rule, int offset) { super(rule, offset); }

        @Override double range(Candles c, int j) { return c.highLow(j); }

        @Override double at(Candles c, int j) { return factor * (period != 0 ? total / period : c.highLow(j)); }

        @Override void roll(Candles c, int i) { total += c.highLow(i - offset) - c.highLow(i - offset - period); }
    }

    private static final class Shadows extends CandleAverage {
        Shadows(CandleSettings.Rule rule, int offset) { super(rule, offset); }

        @Override double range(Candles c, int j) { return c.shadows(j); }

        @Override double at(Candles c, int j) { return factor * (period != 0 ? total / period : c.shadows(j)) / 2.0; }

        @Override void roll(Candles c, int i) { total += c.shadows(i - offset) - c.shadows(i - offset - period); }
    }
}
