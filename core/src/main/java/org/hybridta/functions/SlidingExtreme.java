package org.hybridta.functions;

/**
 * The highest (or lowest) value of the last {@code window} bars and its bar index, exactly as TA-Lib tracks it
 * (MAX, MIN, MAXINDEX, MININDEX, MINMAX, MINMAXINDEX, WILLR, STOCH, AROON, MIDPOINT ...): TA-Lib keeps the
 * extreme's index, replaces it by a new bar that is at least as extreme ({@code >=}), and rescans the window
 * when the extreme leaves it — taking the earliest extreme on ties (MAX's {@code >}) or the latest (AROON's
 * {@code >=}). The rescan here is answered by a monotonic queue, so each bar costs O(1) amortised instead of
 * TA-Lib's O(window), with the same index chosen on ties and the same treatment of NaN (a NaN at the window's
 * start sticks, other NaNs are passed over).
 *
 * <p>A lowest is tracked as the highest of the negated values (negation is exact, so the same bits come back).
 * Feed consecutive bars to {@link #add}; {@link #value()} and {@link #index()} are TA-Lib's from bar
 * {@code window - 1} on. A batch over an array uses {@link Batch} instead: the same tracker, its rescans answered
 * from blocks of suffix extremes, with no per-bar queue work.
 */
final class SlidingExtreme {
    private final int window, ringMask, queueMask;
    private final double sign;
    private final boolean latestOnTies;
    private final double[] ring;          // the last window values (times sign), bar t at t & ringMask
    private final int[] queueBar;         // candidate bars, values non-increasing; head and tail count up
    private final double[] queueValue;
    private int head, tail, count;
    private int index = -1;
    private double value;

    private SlidingExtreme(int window, boolean highest, boolean latestOnTies) {
        this.window = window;
        this.sign = highest ? 1.0 : -1.0;
        this.latestOnTies = latestOnTies;
        int ringSize = Integer.highestOneBit(Math.max(1, window - 1)) << 1;         // a power of two >= window
        int queueSize = Integer.highestOneBit(window) << 1;                         // a power of two > window
        this.ring = new double[ringSize];
        this.ringMask = ringSize - 1;
        this.queueBar = new int[queueSize];
        this.queueValue = new double[queueSize];
        this.queueMask = queueSize - 1;
    }

    /** The highest of the window; on a rescan the earliest of equal highs (TA-Lib's MAX, STOCH, WILLR). */
    static SlidingExtreme highest(int window) { return new SlidingExtreme(window, true, false); }

    /** The lowest of the window; on a rescan the earliest of equal lows (TA-Lib's MIN, STOCH, WILLR). */
    static SlidingExtreme lowest(int window) { return new SlidingExtreme(window, false, false); }

    /** Like {@link #highest} but a rescan takes the latest of equal highs (TA-Lib's AROON). */
    static SlidingExtreme highestLatest(int window) { return new SlidingExtreme(window, true, true); }

    /** Like {@link #lowest} but a rescan takes the latest of equal lows (TA-Lib's AROON). */
    static SlidingExtreme lowestLatest(int window) { return new SlidingExtreme(window, false, true); }

    /** Adds the next bar. */
    void add(double x) {
        double v = sign * x;
        int today = count++;
        ring[today & ringMask] = v;
        int trailing = today - window + 1;
        // the queue holds the non-NaN bars of the window that a rescan could pick, oldest first
        while (head != tail && queueBar[head & queueMask] < trailing) head++;
        if (v == v) {
            while (head != tail) {
                double back = queueValue[(tail - 1) & queueMask];
                if (latestOnTies ? back <= v : back < v) tail--;
                else break;
            }
            queueBar[tail & queueMask] = today;
            queueValue[tail & queueMask] = v;
            tail++;
        }
        if (trailing < 0) return;
        if (index < trailing) {
            // TA-Lib rescans from the window's first bar: a NaN there stays, otherwise the queue's front
            double first = ring[trailing & ringMask];
            if (first != first) {
                index = trailing;
                value = first;
            } else {
                index = queueBar[head & queueMask];
                value = queueValue[head & queueMask];
            }
        } else if (v >= value) {
            index = today;
            value = v;
        }
    }

    /** The extreme of the window ending at the last bar added. */
    double value() { return sign * value; }

    /** The bar of {@link #value()}, counted from the first bar added. */
    int index() { return index; }

    /** What {@link #combine} makes of a bar's highest high and lowest low. */
    enum Combination {
        /** {@link Willr#willr}. */
        WILLR,
        /** {@link Stoch#fastK}. */
        FAST_K,
        /** {@link Midpoint#midpoint}, with TA-Lib's NaN at a window that starts with one. */
        MIDPOINT
    }

    /**
     * The highest {@code high} and the lowest {@code low} (earliest on ties, TA-Lib's WILLR and STOCH) of the windows of
     * {@code window} bars from bar {@code from} on, combined with {@code close} into {@code out} at bars
     * {@code from + window - 1 .. end - 1}: {@link SlidingMinMax} where the data allow, else {@link Batch#combine}.
     */
    static void combine(double[] high, double[] low, double[] close, Combination how, int from, int window, int end, double[] out) {
        if (SlidingMinMax.combine(high, low, close, how, from, window, end, out)) return;
        Batch.combine(batchHighest(high, from, window), batchLowest(low, from, window), close, how, from + window - 1, end, out);
    }

    /** Bars a batch caller processes at a time when it combines two extremes' indexes through scratch arrays (AROON). */
    static final int CHUNK = 1024;

    /** A batch tracker over {@code x} from bar {@code from}: the highest, earliest on ties (MAX). */
    static Batch batchHighest(double[] x, int from, int window) { return new Batch(x, from, window, true, false); }

    /** A batch tracker: the lowest, earliest on ties (MIN). */
    static Batch batchLowest(double[] x, int from, int window) { return new Batch(x, from, window, false, false); }

    /** A batch tracker: the highest, latest on ties (AROON). */
    static Batch batchHighestLatest(double[] x, int from, int window) { return new Batch(x, from, window, true, true); }

    /** A batch tracker: the lowest, latest on ties (AROON). */
    static Batch batchLowestLatest(double[] x, int from, int window) { return new Batch(x, from, window, false, true); }

    /**
     * TA-Lib's tracker over an array, bar for bar the values and indexes that {@link #add} gives: the extreme is
     * kept while it stays in the window and replaced by a bar at least as extreme; when it leaves, the rescan of
     * TA-Lib (from the window's first bar: a NaN there sticks, later NaNs are passed over, ties to the earliest or
     * latest bar) is answered in O(1) from a block in the manner of van Herk and Gil-Werman: at a rescan whose
     * window starts after the current block's last bar {@code T}, the suffix extremes of that window
     * {@code [T - window + 1, T]} are computed backwards; a later rescan starting at {@code s <= T} combines the
     * suffix from {@code s} with the running extreme of the bars after {@code T}, folded lazily. Each bar enters
     * one block and one running fold, so a bar costs O(1) whatever the window, and the common bar only compares.
     * Windows up to {@value #SCAN_MAX} bars rescan as TA-Lib does, a plain loop that is cheaper there.
     * Bars must be asked for in increasing order, from {@code from + window - 1} on.
     */
    static final class Batch {
        /** The longest window whose rescans are TA-Lib's plain loop (measured: faster than the block up to here). */
        private static final int SCAN_MAX = 64;
        private final double[] x;
        private final int from, window;
        private final double sign;
        private final boolean latestOnTies;
        private final int[] suffixBar;          // block: extreme of [bar, blockEnd] over non-NaN values; -1: none
        private final double[] suffixValue;     // (times sign), at bar - blockStart
        private int blockStart, blockEnd = Integer.MIN_VALUE / 2;
        private int foldBar = -1, foldNext;     // the extreme of the bars (blockEnd, foldNext), rescan's tie rule
        private double foldValue;
        private int index = -1;                 // TA-Lib's tracked extreme (its value as it is, not times sign)
        private double value;

        private Batch(double[] x, int from, int window, boolean highest, boolean latestOnTies) {
            this.x = x;
            this.from = from;
            this.window = window;
            this.sign = highest ? 1.0 : -1.0;
            this.latestOnTies = latestOnTies;
            this.suffixBar = new int[window];
            this.suffixValue = new double[window];
        }

        /** The extremes of the windows ending at bars {@code t0 .. t1 - 1}, into {@code out[at ..]}. */
        void values(int t0, int t1, double[] out, int at) { run(t0, t1, out, null, at, false); }

        /** The bars of those extremes, counted from {@code from}, into {@code out[at ..]}. */
        void indexes(int t0, int t1, double[] out, int at) { run(t0, t1, out, null, at, true); }

        /** The bars of those extremes into {@code int[]}, as TA-Lib writes them ({@link IntKernel}). */
        void indexes(int t0, int t1, int[] out, int at) { run(t0, t1, null, out, at, true); }

        // one of out and ints is null: the loops test it once per bar, a test C2 hoists out of the loop
        private void run(int t0, int t1, double[] out, int[] ints, int at, boolean indexes) {
            if (sign > 0) highest(t0, t1, out, ints, at, indexes);
            else lowest(t0, t1, out, ints, at, indexes);
        }

        // highest and lowest are one loop written twice with the comparisons mirrored: the sign trick of add()
        // would cost a multiplication per value read, in the rescans too

        private void highest(int t0, int t1, double[] out, int[] ints, int at, boolean indexes) {
            double[] x = this.x;
            double val = value;
            boolean latest = latestOnTies;
            int idx = index, n = window, from = this.from;
            for (int t = t0; t < t1; t++, at++) {
                double v = x[t];
                int s = t - n + 1;
                if (idx < s) {
                    idx = s;
                    val = x[s];
                    if (val != val) {
                        // TA-Lib's rescan keeps a NaN that starts the window
                    } else if (n > SCAN_MAX) {
                        idx = rescan(s, t);
                        val = x[idx];
                    } else if (latest) {                  // TA-Lib's own rescan: on short windows a plain loop wins
                        for (int i = s + 1; i <= t; i++) {
                            double w = x[i];
                            if (w >= val) {
                                idx = i;
                                val = w;
                            }
                        }
                    } else {
                        for (int i = s + 1; i <= t; i++) {
                            double w = x[i];
                            if (w > val) {
                                idx = i;
                                val = w;
                            }
                        }
                    }
                } else if (v >= val) {
                    idx = t;
                    val = v;
                }
                if (ints != null) ints[at] = idx - from;
                else out[at] = indexes ? idx - from : val;
            }
            index = idx;
            value = val;
        }

        private void lowest(int t0, int t1, double[] out, int[] ints, int at, boolean indexes) {
            double[] x = this.x;
            double val = value;
            boolean latest = latestOnTies;
            int idx = index, n = window, from = this.from;
            for (int t = t0; t < t1; t++, at++) {
                double v = x[t];
                int s = t - n + 1;
                if (idx < s) {
                    idx = s;
                    val = x[s];
                    if (val != val) {
                        // as in highest
                    } else if (n > SCAN_MAX) {
                        idx = rescan(s, t);
                        val = x[idx];
                    } else if (latest) {
                        for (int i = s + 1; i <= t; i++) {
                            double w = x[i];
                            if (w <= val) {
                                idx = i;
                                val = w;
                            }
                        }
                    } else {
                        for (int i = s + 1; i <= t; i++) {
                            double w = x[i];
                            if (w < val) {
                                idx = i;
                                val = w;
                            }
                        }
                    }
                } else if (v <= val) {
                    idx = t;
                    val = v;
                }
                if (ints != null) ints[at] = idx - from;
                else out[at] = indexes ? idx - from : val;
            }
            index = idx;
            value = val;
        }

        /**
         * The highest of {@code highest}'s series and the lowest of {@code lowest}'s (both earliest on ties, one window
         * and first bar) for bars {@code t0 .. t1 - 1}, combined with the bar's close into {@code out[t]}: the two
         * trackers and the formula in one loop, as TA-Lib's WILLR and STOCH run them (the formula's divisions then
         * overlap with the trackers' comparisons; a separate pass over the extremes measured a quarter slower).
         */
        static void combine(Batch highest, Batch lowest, double[] close, Combination how, int t0, int t1, double[] out) {
            if (highest.sign < 0 || lowest.sign > 0 || highest.latestOnTies || lowest.latestOnTies || highest.window != lowest.window) {
                throw new IllegalArgumentException("combine wants a highest and a lowest, earliest on ties, of one window");
            }
            double[] h = highest.x, l = lowest.x;
            double hv = highest.value, lv = lowest.value;
            int hi = highest.index, lo = lowest.index, n = highest.window;
            boolean willr = how == Combination.WILLR, fastK = how == Combination.FAST_K;
            for (int t = t0; t < t1; t++) {
                int s = t - n + 1;
                double v = l[t];
                if (lo < s) {
                    lo = s;
                    lv = l[s];
                    if (lv != lv) {
                        // TA-Lib's rescan keeps a NaN that starts the window
                    } else if (n > SCAN_MAX) {
                        lo = lowest.rescan(s, t);
                        lv = l[lo];
                    } else {
                        for (int i = s + 1; i <= t; i++) {
                            double w = l[i];
                            if (w < lv) {
                                lo = i;
                                lv = w;
                            }
                        }
                    }
                } else if (v <= lv) {
                    lo = t;
                    lv = v;
                }
                v = h[t];
                if (hi < s) {
                    hi = s;
                    hv = h[s];
                    if (hv != hv) {
                        // as above
                    } else if (n > SCAN_MAX) {
                        hi = highest.rescan(s, t);
                        hv = h[hi];
                    } else {
                        for (int i = s + 1; i <= t; i++) {
                            double w = h[i];
                            if (w > hv) {
                                hi = i;
                                hv = w;
                            }
                        }
                    }
                } else if (v >= hv) {
                    hi = t;
                    hv = v;
                }
                out[t] = willr ? Willr.willr(hv, lv, close[t]) : fastK ? Stoch.fastK(close[t], hv, lv) : Midpoint.midpoint(h[s], l[s], hv, lv);
            }
            highest.index = hi;
            highest.value = hv;
            lowest.index = lo;
            lowest.value = lv;
        }

        /** TA-Lib's rescan of {@code [s, t]}, whose first value is not NaN: the bar it picks. */
        private int rescan(int s, int t) {
            if (s > blockEnd) {
                block(s, t);
                return suffixBar[0];
            }
            // the bars since the block: extend the running extreme to t (the rescan's rule, NaN passed over)
            double fv = foldValue;
            int fb = foldBar;
            boolean latest = latestOnTies;
            for (int i = foldNext; i <= t; i++) {
                double v = sign * x[i];
                if (v == v && (fb < 0 || (latest ? v >= fv : v > fv))) {
                    fb = i;
                    fv = v;
                }
            }
            foldBar = fb;
            foldValue = fv;
            foldNext = t + 1;
            int k = s - blockStart;
            int sb = suffixBar[k];                   // not -1: x[s] is not NaN
            return fb >= 0 && (latest ? fv >= suffixValue[k] : fv > suffixValue[k]) ? fb : sb;
        }

        /** A new block ending at {@code t}: suffix extremes of {@code [s, t]}, computed backwards. */
        private void block(int s, int t) {
            boolean latest = latestOnTies;
            int sb = -1;
            double sv = Double.NEGATIVE_INFINITY;
            for (int i = t; i >= s; i--) {
                double v = sign * x[i];
                // going backwards, an earlier bar wins a tie unless the latest is wanted
                if (v == v && (sb < 0 || (latest ? v > sv : v >= sv))) {
                    sb = i;
                    sv = v;
                }
                suffixBar[i - s] = sb;
                suffixValue[i - s] = sv;
            }
            blockStart = s;
            blockEnd = t;
            foldBar = -1;
            foldNext = t + 1;
        }
    }
}
