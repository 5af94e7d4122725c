package org.hybridta.cuda;

import org.hybridta.indicator.Indicator;

/**
 * How one kernel launch cuts the time axis: {@code count} segments of {@code length} bars per group of 32
 * series, one block each (the launch grid is groups x count). A segment starts computing {@code halo} bars
 * before its first bar (rounded down to a multiple of {@code align}) from an empty state, as if its series
 * began there, and writes only its own bars; segment 0 starts at bar 0 and is the whole-series computation
 * (see {@code Span} in {@code hybridta.cu}).
 *
 * <p>Why a halo gives the whole-series values, by kind of indicator ({@link #halo}):
 * <ul>
 *   <li><b>Windows and lags</b> (WILLR, CCI, STOCH, TRANGE, ROC, MOM): a value depends only on the last
 *       {@code lookback + 1} bars, so a halo of the lookback rebuilds the window exactly. Extremes are exact;
 *       CCI rescans its ring in ring-slot order, so its restart is aligned to the period and the slots, and
 *       with them the order of every addition, equal the whole-series run's: bit for bit the same results.
 *       STOCH's slow %K and %D are running sums: restarted, they lose the rounding residue that the
 *       whole-series sums carry from bar 0 (of order 1e-16 of the values summed per step, a random walk);
 *       the difference stays of order 1e-12 of the oscillator's 0..100 range on 100,000-bar series.</li>
 *   <li><b>Recursive averages</b> (EMA, DEMA, TEMA, MACD; Wilder's RSI, ATR, ADX): the state carries the whole
 *       past, but the influence of the state at the restart decays like {@code (1 - a)^k} after k bars
 *       (a = 2 / (n + 1) for an EMA, 1 / n for Wilder), times a polynomial {@code (k a)^(depth - 1)} for
 *       chained averages (DEMA's EMA of an EMA: depth 2; TEMA: 3; MACD's signal: 2; ADX, Wilder's average
 *       of ratios of Wilder averages: 2). The halo is the lookback (the restart's own seeding) plus the
 *       bars after which that bound falls under 2^-{@value #HALO_BITS}. The two runs then hold states that
 *       differ far below the last bit, and since the same operations on the same state give the same bits,
 *       they continue identically: the segment repeats the whole-series results bit for bit (in a stress
 *       test over 91 million bars, all but 17 values, each below 1e-14 in magnitude, where Wilder states had
 *       decayed towards zero). The bound is relative to the state's magnitude; a stretch of unchanged prices
 *       shrinks RSI's, ATR's and ADX's states and the difference alike, pausing the decay, hence the generous
 *       100 bits (60 bits left differences of 1e-10 after flat stretches with period 2). A flat stretch longer
 *       than the halo (a walk stuck at a price floor) pauses it for good: there those kernels' halos reach
 *       back, per group, to {@code halo} bars before the last bar that changed their state (ADX: {@code halo}
 *       bars of nonzero true range, as its average stands still while the range is near zero), which on
 *       ordinary data is where the halo starts anyway ({@code reachingBack} in {@code hybridta.cu}).</li>
 *   <li><b>Running sums carried from bar 0</b> (SMA, WMA, Bollinger bands, MFI) and the prefix sum OBV:
 *       never segmented. Restarting a sum loses the rounding residue TA-Lib's sum has accumulated since bar
 *       0; after prices fall by orders of magnitude over 100,000 bars that residue is not small against the
 *       window's values (measured on such series: SMA 4e-12, MFI 3e-9 of the range, the lower Bollinger
 *       band 4e-4 relative), and the results must equal TA-Lib's, residue included.</li>
 * </ul>
 * This is cheaper than an exact parallel scan of the linear recurrences (a carry pass and a fix-up pass
 * over the data), and unlike a scan, whose rounding differs from the sequential recurrence's everywhere,
 * it repeats the CPU backend's (TA-Lib's) arithmetic exactly.
 *
 * @param count  segments per group (1: the whole time axis in one block)
 * @param length bars per segment (the last may be shorter)
 * @param halo   bars a segment computes before its first bar
 * @param align  the start of a segment's computation is a multiple of this
 */
record Segments(int count, int length, int halo, int align) {
    /** The influence of the state at a segment's start is below 2^-HALO_BITS of its magnitude at the segment's first bar. */
    static final int HALO_BITS = 100;
    /** No segment is shorter: below that, a block's start-up and halo outweigh its work. */
    static final int MIN_SEGMENT_BARS = 256;
    /** At most this share of a segment is halo: the halo is read and computed twice. */
    static final int MIN_SEGMENT_PER_HALO = 2;
    /** CUDA's limit on the grid's y dimension. */
    static final int MAX_SEGMENTS = 65_535;

    /** The whole time axis in one segment. */
    static Segments one(int bars) {
        return new Segments(1, Math.max(1, bars), 0, 1);
    }

    /**
     * The segments for a launch of {@code call} over {@code groups} groups of {@code bars} bars: enough blocks
     * to fill the device once ({@code residentBlocks}: blocks of this kernel that fit on the device at a time),
     * and segments at least {@link #MIN_SEGMENT_BARS} long and {@link #MIN_SEGMENT_PER_HALO} times the halo.
     *
     * @param forced a segment count to use instead (0: choose), for measurements; never for kernels that cannot be segmented
     */
    static Segments plan(KernelCall call, int groups, int bars, int residentBlocks, int forced) {
        if (call.halo() < 0 || call.globalRingDoubles() > 0 || bars <= 1) return one(bars);
        int count;
        if (forced > 0) {
            count = forced;
        } else {
            long minLength = Math.max(MIN_SEGMENT_BARS, (long) MIN_SEGMENT_PER_HALO * call.halo());
            long byHalo = bars / minLength;
            long byFill = residentBlocks / Math.max(1, groups);
            count = (int) Math.max(1, Math.min(byHalo, byFill));
        }
        count = Math.min(Math.min(count, bars), MAX_SEGMENTS);
        if (count <= 1) return one(bars);
        int length = (int) (((long) bars + count - 1) / count);
        count = (bars + length - 1) / length;  // no empty segment at the end
        return new Segments(count, length, call.halo(), call.align());
    }

    /** Bars before a segment that its computation needs (see the class documentation); -1 if the kernel must not be segmented. */
    static int halo(Indicator ind) {
        int lb = ind.lookback();
        // the candlestick patterns (cuda-cdl): the candle averages' running totals carry their rounding from the first
        // bar and decide the comparisons, the hikkakes carry a pending pattern: never segmented; the two patterns with
        // neither are windows of their lookback
        if (KernelCall.isPattern(ind)) return ind.name().equals("cdlengulfing") || ind.name().equals("cdl3outside") ? lb : -1;
        return switch (ind.name()) {
            // windows and lags: the lookback rebuilds them exactly
            case "willr", "cci", "trange", "roc", "mom", "rocp", "rocr", "rocr100", "max", "min", "minmax", "midpoint", "midprice",
                 "linearreg", "linearreg_slope", "linearreg_intercept", "linearreg_angle", "tsf" -> lb;
            // a function of each bar alone
            case "avgprice", "medprice", "typprice", "wclprice", "bop", "add", "sub", "mult", "div", "acos", "asin", "atan", "ceil", "cos",
                 "cosh", "exp", "floor", "ln", "log10", "sin", "sinh", "sqrt", "tan", "tanh" -> 0;
            // recursive averages: their own seeding, then the decay
            case "ema" -> add(lb, decay(emaAlpha(ind.intParam("timeperiod")), 1));
            case "dema" -> add(lb, decay(emaAlpha(ind.intParam("timeperiod")), 2));
            case "tema" -> add(lb, decay(emaAlpha(ind.intParam("timeperiod")), 3));
            case "trix" -> add(lb, decay(emaAlpha(ind.intParam("timeperiod")), 3));  // TEMA's chain, then a 1-bar ROC
            case "macd" -> add(lb, decay(Math.min(emaAlpha(Math.max(ind.intParam("fastperiod"), ind.intParam("slowperiod"))),
                    emaAlpha(ind.intParam("signalperiod"))), 2));
            case "rsi", "atr" -> add(lb, decay(1.0 / ind.intParam("timeperiod"), 1));
            // ADX: Wilder's smoothing of the moves and ranges, then of DX (trend.cuh's adxSpan reaches back over flat stretches)
            case "adx" -> add(lb, decay(1.0 / ind.intParam("timeperiod"), 2));
            // trend family (trend.cuh): AROON's bars are the latest extremes of its window alone, AVGDEV sums its window
            // afresh, MACDFIX is MACD's recursion with the fixed factors (the slow one 0.075); the directional family, SAR,
            // SAREXT, the index functions (which bar is tracked depends on the whole past), BETA, CORREL, IMI and ACCBANDS
            // (running sums) are never segmented (the default below), ADX excepted (above)
            case "aroon", "aroonosc", "avgdev" -> lb;
            case "macdfix" -> add(lb, decay(Math.min(0.075, emaAlpha(ind.intParam("signalperiod"))), 2));
            // STOCH's SMAs are restarted like windows (see above); its other MA types' averages (stoch_ma) are never cut
            case "stoch" -> KernelCall.smaStoch(ind) ? lb : -1;
            // moving averages of any type and the Hilbert transform (averages.cuh, cycle.cuh): states carried from bar 0
            case "ma", "trima", "kama", "t3", "mama", "mavp", "macdext", "stochf", "stochrsi", "ht_dcperiod", "ht_dcphase", "ht_phasor",
                 "ht_sine", "ht_trendline", "ht_trendmode" -> -1;
            default -> -1;  // running sums: SMA, WMA, BBANDS, MFI, OBV, SUM, AD, ADOSC, VAR, STDDEV, APO, PPO; NATR, CMO (no reach-back span);
                            // the trend family's recursions and sums (above)
        };
    }

    /** The multiple a segment's computation starts at: CCI's period (its ring order), else 1. */
    static int align(Indicator ind) {
        return ind.name().equals("cci") ? ind.intParam("timeperiod") : 1;
    }

    private static double emaAlpha(int period) {
        return 2.0 / (period + 1);
    }

    /** The fewest bars k with {@code (k a)^(depth - 1) (1 - a)^k <= 2^-HALO_BITS}, past the polynomial's rise ({@code k a >= depth - 1}). */
    static int decay(double a, int depth) {
        if (a >= 1) return depth - 1;
        double target = -HALO_BITS * Math.log(2), lq = Math.log1p(-a);
        long k = (long) Math.ceil(Math.max(target / lq, (depth - 1) / a));
        while ((depth - 1) * Math.log(k * a) + k * lq > target) k++;
        return (int) Math.min(k, Integer.MAX_VALUE / 4);
    }

    private static int add(int a, int b) {
        return (int) Math.min((long) a + b, Integer.MAX_VALUE / 4);
    }
}
