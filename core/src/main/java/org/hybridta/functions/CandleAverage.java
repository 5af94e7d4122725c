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
    /** The running total, between calls of a pattern's loop. */
    double total;

    /** {@link #ofTotal}'s terms: the period as a double, and 0.5 for the shadows' halving (exact, as a division by 2.0). */
    private final double periodReal, scale;

    private CandleAverage(CandleSettings.Rule rule, int offset) {
        this.period = rule.avgPeriod();
        this.factor = rule.factor();
        this.offset = offset;
        this.periodReal = period;
        this.scale = rule.range() == CandleSettings.RangeType.SHADOWS ? 0.5 : 1.0;
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
     * TA-Lib names), with the running total {@code t}: {@code factor * (period != 0 ? t / period : range(j)) /
     * (shadows ? 2.0 : 1.0)}.
     *
     * <p>A pattern's loop keeps each total in a local ({@code t = a.total} before, {@code a.total = t} after), as
     * TA-Lib does: a field would be loaded and stored on every bar, each bar's sum waiting on the last one's store.
     */
    abstract double at(Candles c, int j, double t);

    /**
     * {@link #at} for a period above 0, as one final method of no branch: a pattern whose loop tests the period
     * once, before it, and then calls this, ran CDLDOJI in 2.2 ms where {@code at} took 2.5 (the choice and the
     * period's conversion at every bar). Putting the same into {@code at} itself made the hammers 15% slower, and
     * CDLTAKURI's loop on it was 10% slower, so only the loops measured faster use it.
     */
    final double ofTotal(double t) { return factor * (t / periodReal) * scale; }

    /** After bar {@code i}: the total {@code t} plus the range of the candle it follows less the oldest, as TA-Lib's loop rolls it. */
    abstract double rolled(Candles c, int i, double t);

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

        @Override double at(Candles c, int j, double t) { return factor * (period != 0 ? t / period : c.body(j)); }

        @Override double rolled(Candles c, int i, double t) { return t + (c.body(i - offset) - c.body(i - offset - period)); }
    }

    private static final class HighLow extends CandleAverage {
        HighLow(CandleSettings.Rule rule, int offset) { super(rule, offset); }

        @Override double range(Candles c, int j) { return c.highLow(j); }

        @Override double at(Candles c, int j, double t) { return factor * (period != 0 ? t / period : c.highLow(j)); }

        @Override double rolled(Candles c, int i, double t) { return t + (c.highLow(i - offset) - c.highLow(i - offset - period)); }
    }

    private static final class Shadows extends CandleAverage {
        Shadows(CandleSettings.Rule rule, int offset) { super(rule, offset); }

        @Override double range(Candles c, int j) { return c.shadows(j); }

        @Override double at(Candles c, int j, double t) { return factor * (period != 0 ? t / period : c.shadows(j)) / 2.0; }

        @Override double rolled(Candles c, int i, double t) { return t + (c.shadows(i - offset) - c.shadows(i - offset - period)); }
    }
}
