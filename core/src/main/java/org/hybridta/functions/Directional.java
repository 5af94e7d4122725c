package org.hybridta.functions;

/**
 * Wilder's directional movement as TA-Lib's PLUS_DM, MINUS_DM, PLUS_DI, MINUS_DI, DX and ADX (and ADXR) compute
 * it: from bar 1, +DM (an up move larger than the down move), -DM (a down move larger than the up move) and the
 * true range; their plain sums over bars {@code 1 .. period - 1}, then at each further bar
 * {@code s - s / period + x}. One bar per {@link #add}; all those functions read the same state.
 *
 * <p>No branch depends on the prices (except {@link Trange#trueRange}'s rare one): on price data a branch on the
 * moves is mispredicted every few bars, and each miss stalls the division chains of the sums. A bar without a
 * +DM adds 0.0, which leaves a sum as TA-Lib's skipped addition does: a sum is never -0.0 (it starts at 0.0, adds
 * positive moves, and {@code s - s / period} of a -0.0 is 0.0).
 */
final class Directional {
    /** The sums a function reads; the others are not kept (each costs a division per bar). */
    enum Sums {
        PLUS_DM(true, false, false), MINUS_DM(false, true, false), PLUS_DI(true, false, true),
        MINUS_DI(false, true, true), ALL(true, true, true);

        final boolean plus, minus, range;

        Sums(boolean plus, boolean minus, boolean range) {
            this.plus = plus;
            this.minus = minus;
            this.range = range;
        }
    }

    private final int period;
    private final boolean withPlus, withMinus, withRange;
    private int bar = -1;
    private double prevHigh, prevLow, prevClose;
    /**
     * This bar's +DM and -DM (0 where none) and true range (period-1 functions read them), and the smoothed sums:
     * those of {@link Sums} only.
     */
    double plusDm1, minusDm1, trueRange, plusDm, minusDm, range;

    /** @param sums the sums kept; with the range, {@link #add} reads the closes */
    Directional(int period, Sums sums) {
        this.period = period;
        this.withPlus = sums.plus;
        this.withMinus = sums.minus;
        this.withRange = sums.range;
    }

    /** Adds the next bar; returns its index (0 for the first). */
    int add(double high, double low, double close) {
        int t = ++bar;
        if (t == 0) {
            prevHigh = high;
            prevLow = low;
            prevClose = close;
            return t;
        }
        double diffP = high - prevHigh, diffM = prevLow - low;
        prevHigh = high;
        prevLow = low;
        boolean seeding = t < period;
        if (withPlus) {
            double plus = plusDm1(diffP, diffM);
            plusDm1 = plus;
            plusDm = seeding ? plusDm + plus : smooth(plusDm, plus);
        }
        if (withMinus) {
            double minus = minusDm1(diffP, diffM);
            minusDm1 = minus;
            minusDm = seeding ? minusDm + minus : smooth(minusDm, minus);
        }
        if (withRange) {
            double tr = Trange.trueRange(high, low, prevClose);
            prevClose = close;
            trueRange = tr;
            range = seeding ? range + tr : smooth(range, tr);
        }
        return t;
    }

    /** Wilder's smoothing of a sum, in TA-Lib's order. */
    private double smooth(double sum, double x) {
        return sum - (sum / period) + x;
    }

    /** TA-Lib's "+DM": an up move larger than the down move ({@code &}, not {@code &&}: no branch). */
    static boolean plusMove(double diffP, double diffM) {
        return diffP > 0 & diffP > diffM;
    }

    /** TA-Lib's "-DM": a down move larger than the up move. */
    static boolean minusMove(double diffP, double diffM) {
        return diffM > 0 & diffP < diffM;
    }

    /** One bar's +DM: the up move where {@link #plusMove}, else 0.0. */
    static double plusDm1(double diffP, double diffM) {
        return keepIf(plusMove(diffP, diffM), diffP);
    }

    /** One bar's -DM: the down move where {@link #minusMove}, else 0.0. */
    static double minusDm1(double diffP, double diffM) {
        return keepIf(minusMove(diffP, diffM), diffM);
    }

    /**
     * {@code keep ? v : 0.0} through the bits: C2 (JDK 17, x86) compiles a select of doubles to a jump, one of longs
     * to a conditional move.
     */
    private static double keepIf(boolean keep, double v) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(v) & (keep ? -1L : 0L));
    }

    /** {@code 100 * dm / range}, 0 where the range is zero (TA-Lib's PLUS_DI and MINUS_DI). */
    static double index(double dm, double range) {
        return !FunctionDef.isZero(range) ? 100.0 * (dm / range) : 0.0;
    }

    double plusDi() { return index(plusDm, range); }

    double minusDi() { return index(minusDm, range); }

    /**
     * Whether TA-Lib computes a DX at this bar: where the range or the sum of the DIs is zero ({@code TA_IS_ZERO}),
     * DX repeats its previous value and ADX keeps its own. A NaN is not zero: a NaN price makes DX NaN, as in TA-Lib.
     */
    boolean hasDx() {
        return !FunctionDef.isZero(range) && !FunctionDef.isZero(100.0 * (minusDm / range) + 100.0 * (plusDm / range));
    }

    /** TA-Lib's DX of the smoothed sums where {@link #hasDx} (C2 shares the divisions of both). */
    double dx() {
        double minus = 100.0 * (minusDm / range), plus = 100.0 * (plusDm / range);
        return 100.0 * (Math.abs(minus - plus) / (minus + plus));
    }
}
