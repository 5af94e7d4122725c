package org.hybridta.functions;

/**
 * Wilder's directional movement as TA-Lib's PLUS_DM, MINUS_DM, PLUS_DI, MINUS_DI, DX and ADX (and ADXR) compute
 * it: from bar 1, +DM (an up move larger than the down move), -DM (a down move larger than the up move) and the
 * true range; their plain sums over bars {@code 1 .. period - 1}, then at each further bar
 * {@code s - s / period + x}.
 *
 * <p>One loop a function ({@link #dm}, {@link #di}, {@link #dx}, {@link #adx}) over bars {@code [from, to)},
 * continuing from the bars before: the only copy of each function's arithmetic, for the batch and (over one bar)
 * the step. Each loop holds its state in locals and calls only the small static formulas below, which C2 inlines
 * wherever the loop is compiled: the state stays in registers whatever C2 decides about the callers (a shared
 * per-bar method on this object's fields, compiled on its own first, grew too big to be inlined on one machine,
 * and each bar's sums then went through memory). Each loop keeps only the sums its function reads (each costs a
 * division per bar).
 *
 * <p>No branch depends on the prices (except {@link Trange#trueRange}'s rare one): on price data a branch on the
 * moves is mispredicted every few bars, and each miss stalls the division chains of the sums. A bar without a
 * +DM adds 0.0, which leaves a sum as TA-Lib's skipped addition does: a sum is never -0.0 (it starts at 0.0, adds
 * positive moves, and {@code s - s / period} of a -0.0 is 0.0).
 */
final class Directional {
    private final int period;
    /** Bars seen. */
    private int bars;
    private double prevHigh, prevLow, prevClose;
    /** The smoothed sums, the last DX (0 before the first, TA-Lib's value where it skips the first) and the ADX. */
    private double plusDm, minusDm, range, dx, adx;

    Directional(int period) {
        this.period = period;
    }

    /** PLUS_DM ({@code plus}) or MINUS_DM of bars {@code [from, to)} into {@code out}; with period 1 the bar's move. */
    void dm(boolean plus, double[] high, double[] low, int from, int to, double[] out) {
        int period = this.period, t = bars;
        double prevHigh = this.prevHigh, prevLow = this.prevLow, sum = plus ? plusDm : minusDm;
        for (int i = from; i < to; i++, t++) {
            double h = high[i], l = low[i], v = Double.NaN;
            if (t > 0) {
                double move = move(plus, h - prevHigh, prevLow - l);
                if (period == 1) {
                    v = move;
                } else {
                    sum = t < period ? sum + move : smooth(sum, move, period);
                    if (t >= period - 1) v = sum;
                }
            }
            out[i] = v;
            prevHigh = h;
            prevLow = l;
        }
        bars = t;
        this.prevHigh = prevHigh;
        this.prevLow = prevLow;
        if (plus) plusDm = sum;
        else minusDm = sum;
    }

    /** PLUS_DI ({@code plus}) or MINUS_DI of bars {@code [from, to)} into {@code out}. */
    void di(boolean plus, double[] high, double[] low, double[] close, int from, int to, double[] out) {
        int period = this.period, t = bars;
        double prevHigh = this.prevHigh, prevLow = this.prevLow, prevClose = this.prevClose;
        double sum = plus ? plusDm : minusDm, range = this.range;
        for (int i = from; i < to; i++, t++) {
            double h = high[i], l = low[i], v = Double.NaN;
            if (t > 0) {
                double move = move(plus, h - prevHigh, prevLow - l), tr = Trange.trueRange(h, l, prevClose);
                if (period == 1) {
                    v = index1(move, tr);
                } else if (t < period) {
                    sum += move;
                    range += tr;
                } else {
                    sum = smooth(sum, move, period);
                    range = smooth(range, tr, period);
                    v = index(sum, range);
                }
            }
            out[i] = v;
            prevHigh = h;
            prevLow = l;
            prevClose = close[i];
        }
        bars = t;
        this.prevHigh = prevHigh;
        this.prevLow = prevLow;
        this.prevClose = prevClose;
        if (plus) plusDm = sum;
        else minusDm = sum;
        this.range = range;
    }

    /** DX of bars {@code [from, to)} into {@code out}: where TA-Lib skips a bar, the previous DX (0 at the first). */
    void dx(double[] high, double[] low, double[] close, int from, int to, double[] out) {
        int period = this.period, t = bars;
        double prevHigh = this.prevHigh, prevLow = this.prevLow, prevClose = this.prevClose;
        double plusDm = this.plusDm, minusDm = this.minusDm, range = this.range, dx = this.dx;
        for (int i = from; i < to; i++, t++) {
            double h = high[i], l = low[i], v = Double.NaN;
            if (t > 0) {
                double diffP = h - prevHigh, diffM = prevLow - l, tr = Trange.trueRange(h, l, prevClose);
                if (t < period) {
                    plusDm += plusDm1(diffP, diffM);
                    minusDm += minusDm1(diffP, diffM);
                    range += tr;
                } else {
                    plusDm = smooth(plusDm, plusDm1(diffP, diffM), period);
                    minusDm = smooth(minusDm, minusDm1(diffP, diffM), period);
                    range = smooth(range, tr, period);
                    double minus = percent(minusDm, range), plus = percent(plusDm, range);
                    if (hasDx(range, minus + plus)) dx = dxOf(minus, plus);
                    v = dx;
                }
            }
            out[i] = v;
            prevHigh = h;
            prevLow = l;
            prevClose = close[i];
        }
        bars = t;
        this.prevHigh = prevHigh;
        this.prevLow = prevLow;
        this.prevClose = prevClose;
        this.plusDm = plusDm;
        this.minusDm = minusDm;
        this.range = range;
        this.dx = dx;
    }

    /**
     * ADX of bars {@code [from, to)} into {@code out}: the mean of the DX of bars {@code period .. 2 * period - 1},
     * then Wilder's average of DX; a bar whose DX TA-Lib skips leaves the sum or average unchanged.
     */
    void adx(double[] high, double[] low, double[] close, int from, int to, double[] out) {
        int period = this.period, t = bars;
        double prevHigh = this.prevHigh, prevLow = this.prevLow, prevClose = this.prevClose;
        double plusDm = this.plusDm, minusDm = this.minusDm, range = this.range, adx = this.adx;
        for (int i = from; i < to; i++, t++) {
            double h = high[i], l = low[i], v = Double.NaN;
            if (t > 0) {
                double diffP = h - prevHigh, diffM = prevLow - l, tr = Trange.trueRange(h, l, prevClose);
                if (t < period) {
                    plusDm += plusDm1(diffP, diffM);
                    minusDm += minusDm1(diffP, diffM);
                    range += tr;
                } else {
                    plusDm = smooth(plusDm, plusDm1(diffP, diffM), period);
                    minusDm = smooth(minusDm, minusDm1(diffP, diffM), period);
                    range = smooth(range, tr, period);
                    double minus = percent(minusDm, range), plus = percent(plusDm, range);
                    boolean hasDx = hasDx(range, minus + plus);
                    if (t < 2 * period - 1) {                      // adx: the sum of the seeding DXs
                        if (hasDx) adx += dxOf(minus, plus);
                    } else {
                        if (t == 2 * period - 1) {
                            if (hasDx) adx += dxOf(minus, plus);
                            adx = adx / period;
                        } else if (hasDx) {
                            adx = average(adx, dxOf(minus, plus), period);
                        }
                        v = adx;
                    }
                }
            }
            out[i] = v;
            prevHigh = h;
            prevLow = l;
            prevClose = close[i];
        }
        bars = t;
        this.prevHigh = prevHigh;
        this.prevLow = prevLow;
        this.prevClose = prevClose;
        this.plusDm = plusDm;
        this.minusDm = minusDm;
        this.range = range;
        this.adx = adx;
    }

    /** Wilder's smoothing of a sum, in TA-Lib's order. */
    static double smooth(double sum, double x, int period) {
        return sum - (sum / period) + x;
    }

    /** Wilder's average (ADX's), in TA-Lib's order. */
    static double average(double avg, double x, int period) {
        return ((avg * (period - 1)) + x) / period;
    }

    /** TA-Lib's "+DM": an up move larger than the down move ({@code &}, not {@code &&}: no branch). */
    static boolean plusMove(double diffP, double diffM) {
        return diffP > 0 & diffP > diffM;
    }

    /** TA-Lib's "-DM": a down move larger than the up move. */
    static boolean minusMove(double diffP, double diffM) {
        return diffM > 0 & diffP < diffM;
    }

    /** One bar's +DM ({@code plus}) or -DM; {@code plus} is the same at every bar of a loop. */
    static double move(boolean plus, double diffP, double diffM) {
        return plus ? plusDm1(diffP, diffM) : minusDm1(diffP, diffM);
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

    /** {@code 100 * dm / range}: +DI or -DI of the smoothed sums where the range is not zero. */
    static double percent(double dm, double range) {
        return 100.0 * (dm / range);
    }

    /** TA-Lib's PLUS_DI and MINUS_DI: {@link #percent}, 0 where the range is zero. */
    static double index(double dm, double range) {
        return !FunctionDef.isZero(range) ? percent(dm, range) : 0.0;
    }

    /** TA-Lib's PLUS_DI and MINUS_DI over 1 bar, unscaled: 0 without a move (0.0 then) or with a zero true range. */
    static double index1(double move, double tr) {
        return move > 0 && !FunctionDef.isZero(tr) ? move / tr : 0.0;
    }

    /**
     * Whether TA-Lib computes a DX at this bar: where the range or the sum of the DIs is zero ({@code TA_IS_ZERO}),
     * DX repeats its previous value and ADX keeps its own (the DIs, computed before, are then unused). A NaN is not
     * zero: a NaN price makes DX NaN, as in TA-Lib.
     */
    static boolean hasDx(double range, double diSum) {
        return !FunctionDef.isZero(range) && !FunctionDef.isZero(diSum);
    }

    /** TA-Lib's DX of -DI and +DI where {@link #hasDx}. */
    static double dxOf(double minusDi, double plusDi) {
        return 100.0 * (Math.abs(minusDi - plusDi) / (minusDi + plusDi));
    }
}
