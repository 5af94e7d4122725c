package org.hybridta.functions;

/**
 * The open, high, low and close of a series as the candlestick patterns read them, and TA-Lib's candle measures
 * ({@code TA_REALBODY}, {@code TA_UPPERSHADOW}, {@code TA_CANDLECOLOR}, {@code TA_REALBODYGAPUP}, ... of
 * {@code ta_utility.h}), with their exact arithmetic and comparisons. Indexes are array indexes.
 */
final class Candles {
    final double[] open, high, low, close;

    Candles(double[] open, double[] high, double[] low, double[] close) {
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
    }

    double body(int i) { return Math.abs(close[i] - open[i]); }

    double upperShadow(int i) { return high[i] - bodyTop(i); }

    double lowerShadow(int i) { return bodyBottom(i) - low[i]; }

    // the shadows' terms, TA-Lib's close >= open ? close : open and the other way round, as min and max below
    private double bodyTop(int i) { return close[i] != close[i] ? open[i] : Math.max(close[i], open[i]); }

    private double bodyBottom(int i) { return open[i] != open[i] ? close[i] : Math.min(open[i], close[i]); }

    double highLow(int i) { return high[i] - low[i]; }

    /** {@code TA_REALBODY(i) <= x} as a mask, -1 (all bits set) or 0, without a branch: {@link #absAtMost}. */
    int bodyAtMost(int i, double x) { return absAtMost(close[i] - open[i], x); }

    /**
     * {@code Math.abs(d) <= x ? -1 : 0} exactly (NaN on either side gives 0), without a branch. HotSpot keeps a
     * comparison a branch when its profile is lopsided (a doji is one candle in eight); the branch then fails on
     * the rare outcome, and as it waits on the division of the average, each miss discards many bars' work.
     * Here it is arithmetic on the bits: those of {@code |d|} are a non-negative long ordered as the value (NaN
     * above infinity); {@code x + 0.0} makes -0.0 +0.0, then a negative {@code x} (sign bit) or a NaN (above
     * infinity) masks the result to 0, and for {@code x} in [+0, infinity], {@code bits(|d|) - 1 - bits(x)} is
     * negative, without overflow, exactly when {@code |d| <= x}.
     */
    static int absAtMost(double d, double x) {
        long a = Double.doubleToRawLongBits(d) & Long.MAX_VALUE, k = Double.doubleToRawLongBits(x + 0.0);
        return (int) (((a - 1 - k) & ~((INFINITY_BITS - k) | k)) >> 63);
    }

    private static final long INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

    /** Both shadows, TA-Lib's {@code TA_UPPERSHADOW + TA_LOWERSHADOW}. */
    double shadows(int i) { return upperShadow(i) + lowerShadow(i); }

    /**
     * -1 (all bits) for a black candle ({@link #color} -1), 0 for a white one, without a branch on the colour: the
     * sign of {@code close - open} ({@code + 0.0} makes -0.0 +0.0: -0.0 == +0.0 is white). HotSpot's {@code ? :}
     * on a comparison of doubles may stay a branch, and a colour is a coin toss it loses half the time. A NaN
     * difference (a NaN price, or infinities of one sign) takes TA-Lib's comparison.
     */
    int black(int i) {
        double d = close[i] - open[i];
        if (d != d) return close[i] >= open[i] ? 0 : -1;
        return negative(d);
    }

    /** -1 where a difference that is not NaN is negative, 0 where it is not; {@code + 0.0} makes -0.0 +0.0. */
    private static int negative(double d) {
        return (int) (Double.doubleToRawLongBits(d + 0.0) >> 63);
    }

    /** 1 for a white (rising or unchanged) candle, -1 for a black one. */
    int color(int i) { return close[i] >= open[i] ? 1 : -1; }

    /** Candle {@code i2}'s real body lies wholly above candle {@code i1}'s. */
    boolean bodyGapUp(int i2, int i1) { return min(open[i2], close[i2]) > max(open[i1], close[i1]); }

    /** Candle {@code i2}'s real body lies wholly below candle {@code i1}'s. */
    boolean bodyGapDown(int i2, int i1) { return max(open[i2], close[i2]) < min(open[i1], close[i1]); }

    /** {@link #bodyGapUp} as a mask, -1 or 0, without a branch on the outcome ({@link #below}). */
    int bodyGapUpMask(int i2, int i1) { return below(max(open[i1], close[i1]), min(open[i2], close[i2])); }

    /** {@link #bodyGapDown} as a mask, -1 or 0, without a branch on the outcome ({@link #below}). */
    int bodyGapDownMask(int i2, int i1) { return below(max(open[i2], close[i2]), min(open[i1], close[i1])); }

    /**
     * {@code a < b ? -1 : 0} exactly, without a branch on the outcome (see {@link #black}): the sign of
     * {@code a - b}, {@code + 0.0} making -0.0 +0.0; a NaN difference (a NaN, or infinities of one sign) takes
     * the comparison.
     */
    static int below(double a, double b) {
        double d = a - b;
        if (d != d) return a < b ? -1 : 0;
        return negative(d);
    }

    /**
     * {@code a <= b ? -1 : 0} exactly, without a branch on the outcome, as {@link #below}: {@code b - a} is not
     * negative ({@code + 0.0} making -0.0 +0.0); a NaN difference takes the comparison.
     */
    static int atMost(double a, double b) {
        double d = b - a;
        if (d != d) return a <= b ? -1 : 0;
        return ~negative(d);
    }

    /** Candle {@code i2}'s low is above candle {@code i1}'s high. */
    boolean gapUp(int i2, int i1) { return low[i2] > high[i1]; }

    /** Candle {@code i2}'s high is below candle {@code i1}'s low. */
    boolean gapDown(int i2, int i1) { return high[i2] < low[i1]; }

    /**
     * TA-Lib's {@code min} macro, {@code a < b ? a : b}: unlike {@code Math.min}, NaN in {@code a} gives {@code b}.
     * Elsewhere {@code Math.min}, which HotSpot compiles without a branch (a select between doubles it compiles to a
     * jump, and which of a candle's open and close is lower is its colour, a coin toss); it differs from the macro
     * only in the sign of a zero, which no comparison, sum or product of the patterns can tell.
     */
    static double min(double a, double b) { return a != a ? b : Math.min(a, b); }

    /** TA-Lib's {@code max} macro, {@code a > b ? a : b}, without a branch as {@link #min}. */
    static double max(double a, double b) { return a != a ? b : Math.max(a, b); }
}
