package org.hybridta.functions;

/**
 * Wilder's directional movement as TA-Lib's PLUS_DM, MINUS_DM, PLUS_DI, MINUS_DI, DX and ADX (and ADXR) compute
 * it: from bar 1, +DM (an up move larger than the down move), -DM (a down move larger than the up move) and the
 * true range; their plain sums over bars {@code 1 .. period - 1}, then at each further bar
 * {@code s - s / period + x}. One bar per {@link #add}; all those functions read the same state.
 */
final class Directional {
    private final int period;
    private int bar = -1;
    private double prevHigh, prevLow, prevClose;
    /** This bar's raw moves (period-1 functions read them) and the smoothed sums. */
    double diffPlus, diffMinus, trueRange, plusDm, minusDm, range;

    Directional(int period) {
        this.period = period;
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
        double tr = Trange.trueRange(high, low, prevClose);
        prevClose = close;
        diffPlus = diffP;
        diffMinus = diffM;
        trueRange = tr;
        if (t >= period) {
            minusDm -= minusDm / period;
            plusDm -= plusDm / period;
        }
        if (minusMove(diffP, diffM)) minusDm += diffM;
        else if (plusMove(diffP, diffM)) plusDm += diffP;
        range = t < period ? range + tr : range - (range / period) + tr;
        return t;
    }

    /** TA-Lib's "+DM": an up move larger than the down move. */
    static boolean plusMove(double diffP, double diffM) {
        return diffP > 0 && diffP > diffM;
    }

    /** TA-Lib's "-DM": a down move larger than the up move. */
    static boolean minusMove(double diffP, double diffM) {
        return diffM > 0 && diffP < diffM;
    }

    /** {@code 100 * dm / range}, 0 where the range is zero (TA-Lib's PLUS_DI and MINUS_DI). */
    static double index(double dm, double range) {
        return !FunctionDef.isZero(range) ? 100.0 * (dm / range) : 0.0;
    }

    double plusDi() { return index(plusDm, range); }

    double minusDi() { return index(minusDm, range); }

    /** TA-Lib's DX of the smoothed sums, or NaN where TA-Lib skips it (zero range or zero DI sum). */
    double dx() {
        if (FunctionDef.isZero(range)) return Double.NaN;
        double minus = 100.0 * (minusDm / range), plus = 100.0 * (plusDm / range);
        double sum = minus + plus;
        return !FunctionDef.isZero(sum) ? 100.0 * (Math.abs(minus - plus) / sum) : Double.NaN;
    }
}
