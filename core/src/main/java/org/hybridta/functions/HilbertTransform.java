package org.hybridta.functions;

/**
 * The Hilbert-transform core shared by TA-Lib's HT_* functions (John Ehlers, "Rocket Science for Traders"), which
 * TA-Lib repeats in each {@code ta_HT_*.c}: a 4-bar weighted average smooths the price; after 9 smoothed bars (34 for
 * the functions that measure the phase), a detrender, its quadrature {@code Q1} and in-phase {@code I1} (the detrender 3 bars back) feed a homodyne
 * discriminator that measures the dominant cycle's period, clamped and smoothed. TA-Lib keeps a separate filter
 * history for even and odd bars (counted from the series' first bar), which is copied here.
 *
 * <p>Feed consecutive bars to {@link #next}; it returns whether the filters ran on the bar (the accessors then hold
 * its values), and {@link #hasValue()} whether the bar is at or after the function's lookback. {@link Phase} and
 * {@link Trendline} are the later stages of HT_DCPHASE, HT_SINE, HT_TRENDLINE and HT_TRENDMODE: they run on every
 * bar the filters run on, as in TA-Lib, whose phase and trend carry state from bar to bar.
 */
final class HilbertTransform {
    /** The lookback of HT_DCPERIOD and HT_PHASOR, and of the functions that measure the phase too. */
    static final int PERIOD_LOOKBACK = 32, PHASE_LOOKBACK = 63;

    /** TA-Lib's radians-to-degrees factor, {@code 45 / atan(1)} (equal to {@code 180 / (4 atan(1))}). */
    static final double RAD_TO_DEG = 45.0 / StrictMath.atan(1);
    private static final double A = 0.0962, B = 0.5769;

    private final int lookback, firstHilbertBar;
    private int today;
    private boolean hasValue;

    // the 4-bar WMA of the price: TA-Lib's running sums, and the last three prices (x1 the latest)
    private double wmaSub, wmaSum, trailing, x1, x2, x3;
    private double smoothed;

    // each filter's even-bar history [0] and odd-bar history [1]
    private final Filter[] detrender = Filter.pair(), q1 = Filter.pair(), ji = Filter.pair(), jq = Filter.pair();
    private int hilbertIdx;
    private final double[] i1Prev2 = new double[2], i1Prev3 = new double[2];   // I1 by parity
    private double quadrature, inPhase;
    private double prevI2, prevQ2, re, im, period, smoothPeriod;

    private HilbertTransform(int lookback, int firstHilbertBar) {
        this.lookback = lookback;
        this.firstHilbertBar = firstHilbertBar;
    }

    /** The transform of HT_DCPERIOD and HT_PHASOR: values from bar 32, the filters running from bar 12. */
    static HilbertTransform period() { return new HilbertTransform(PERIOD_LOOKBACK, 12); }

    /** The transform of HT_DCPHASE, HT_SINE, HT_TRENDLINE and HT_TRENDMODE: values from bar 63, the filters from bar 37. */
    static HilbertTransform phase() { return new HilbertTransform(PHASE_LOOKBACK, 37); }

    /** Consumes the next bar; true when the filters ran on it (from bar 12 or 37 on). */
    boolean next(double x) {
        int t = today++;
        if (t < 3) {                                   // TA-Lib's unrolled start of the WMA
            if (t == 0) {
                wmaSub = x;
                wmaSum = x;
            } else {
                wmaSub += x;
                wmaSum += x * (t == 1 ? 2.0 : 3.0);
            }
            shift(x);
            return false;
        }
        // DO_PRICE_WMA; trailing is the price 4 bars back
        wmaSub += x;
        wmaSub -= trailing;
        wmaSum += x * 4.0;
        trailing = x3;
        smoothed = wmaSum * 0.1;
        wmaSum -= wmaSub;
        shift(x);
        if (t < firstHilbertBar) return false;

        double adjustedPrevPeriod = (0.075 * period) + 0.54;
        int parity = t % 2, other = 1 - parity;
        double i1 = i1Prev3[parity];
        double d = detrender[parity].next(smoothed, hilbertIdx, adjustedPrevPeriod);
        double q = q1[parity].next(d, hilbertIdx, adjustedPrevPeriod);
        double jI = ji[parity].next(i1, hilbertIdx, adjustedPrevPeriod);
        double jQ = jq[parity].next(q, hilbertIdx, adjustedPrevPeriod);
        if (parity == 0 && ++hilbertIdx == 3) hilbertIdx = 0;     // the index moves on even bars only
        double q2 = (0.2 * (q + jI)) + (0.8 * prevQ2);
        double i2 = (0.2 * (i1 - jQ)) + (0.8 * prevI2);
        quadrature = q;
        inPhase = i1;
        // this detrender is the I1 of the bar 3 bars on (of the other parity), two of its updates later
        i1Prev3[other] = i1Prev2[other];
        i1Prev2[other] = d;

        // the homodyne discriminator: the period, clamped to [0.67, 1.5] times the last one and to [6, 50], smoothed
        re = (0.2 * ((i2 * prevI2) + (q2 * prevQ2))) + (0.8 * re);
        im = (0.2 * ((i2 * prevQ2) - (q2 * prevI2))) + (0.8 * im);
        prevQ2 = q2;
        prevI2 = i2;
        double last = period;
        if ((im != 0.0) && (re != 0.0)) period = 360.0 / (Atan.atan(im / re) * RAD_TO_DEG);
        // TA-Lib's clamps as branches: on this chain of dependent operations a predicted branch costs nothing and
        // Math.min/max (which gcc's minsd/maxsd would match) add their latency, measured slower
        double bound = 1.5 * last;
        if (period > bound) period = bound;
        bound = 0.67 * last;
        if (period < bound) period = bound;
        if (period < 6) period = 6;
        else if (period > 50) period = 50;
        period = (0.2 * period) + (0.8 * last);
        smoothPeriod = (0.33 * period) + (0.67 * smoothPeriod);
        hasValue = t >= lookback;
        return true;
    }

    /** Whether the last bar is at or after the lookback, where the function has a value. */
    boolean hasValue() { return hasValue; }

    private void shift(double x) {
        x3 = x2;
        x2 = x1;
        x1 = x;
    }

    /** This bar's smoothed price (the 4-bar WMA). */
    double smoothed() { return smoothed; }

    /** The quadrature component {@code Q1} (HT_PHASOR's {@code quadrature}). */
    double quadrature() { return quadrature; }

    /** The in-phase component {@code I1}, the detrender 3 bars back (HT_PHASOR's {@code inphase}). */
    double inPhase() { return inPhase; }

    /** The dominant cycle period, smoothed (HT_DCPERIOD). */
    double smoothPeriod() { return smoothPeriod; }

    /**
     * The dominant cycle phase in degrees (HT_DCPHASE, and HT_SINE's and HT_TRENDMODE's sine waves): a one-cycle
     * discrete Fourier transform of the last {@code round(smoothPeriod)} smoothed prices, with TA-Lib's corrections
     * (quarter turn, one bar of WMA lag, the imaginary part's sign, wrapped into (-45, 315]). When the imaginary part
     * is zero TA-Lib moves the last phase by a quarter turn, so the phase carries from bar to bar.
     */
    static final class Phase {
        private static final int SIZE = 50;               // TA-Lib's SMOOTH_PRICE_SIZE: the longest period
        private static final double DEG_TO_RAD = 1.0 / RAD_TO_DEG;
        /*
         * sin and cos of (i * 2pi) / n, the angles of the transform over n bars, as glibc's libm gives them (TA-Lib C
         * calls sin and cos; python's talib on Linux is glibc's). On a flat stretch the transform's sums are rounding
         * noise whose sign sets the phase, so the last bit matters: StrictMath's values, moved one ulp up (+) or down
         * (-) at the 68 angles where glibc rounds the other way ("n/i" then s or c). HilbertTransformTest checks the
         * table against the C library.
         */
        private static final String GLIBC = """
                3/2s+ 5/3c- 6/4s+ 9/6s+ 10/6c- 11/4s- 12/8s+ 15/2s- 15/9c- 15/10s+ 17/15c- 18/12s+ 19/7s+ 20/12c- 21/1c-
                21/14s+ 22/8s- 23/1c- 24/16s+ 27/17s+ 27/18s+ 27/22s+ 29/3s+ 30/4s- 30/18c- 30/20s+ 31/4s- 32/11s+ 33/12s-
                33/21s- 33/22s+ 34/30c- 35/13c- 35/19s- 35/21c- 36/24s+ 37/13c+ 37/31s- 37/32s+ 38/14s+ 38/23s+ 39/13s-
                39/34s- 40/7c- 40/13c+ 40/24c- 41/11c+ 41/14s- 41/16s- 42/2c- 42/28s+ 42/29s- 44/16s- 44/29s+ 44/39s+
                45/6s- 45/17c+ 45/27c- 45/30s+ 46/2c- 46/7c+ 46/9s- 46/21c+ 46/35c- 46/45s+ 48/32s+ 49/29c- 50/29c+
                """;
        static final double[][] SIN = new double[SIZE + 1][], COS = new double[SIZE + 1][];

        static {
            for (int n = 0; n <= SIZE; n++) {
                SIN[n] = new double[n];
                COS[n] = new double[n];
                for (int i = 0; i < n; i++) {
                    double angle = angle(i, n);
                    SIN[n][i] = StrictMath.sin(angle);
                    COS[n][i] = StrictMath.cos(angle);
                }
            }
            for (String fix : GLIBC.strip().split("\\s+")) {
                int slash = fix.indexOf('/'), kind = fix.length() - 2;
                double[] row = (fix.charAt(kind) == 's' ? SIN : COS)[Integer.parseInt(fix.substring(0, slash))];
                int i = Integer.parseInt(fix.substring(slash + 1, kind));
                row[i] = fix.charAt(kind + 1) == '+' ? Math.nextUp(row[i]) : Math.nextDown(row[i]);
            }
        }

        /** TA-Lib's angle of bar {@code i} back in a transform over {@code n} bars: {@code (i * 8 atan(1)) / n}. */
        static double angle(int i, int n) {
            return ((double) i * (StrictMath.atan(1) * 8.0)) / (double) n;
        }

        private final Window smoothPrices = new Window(SIZE);   // zeros before the first, as TA-Lib's buffer
        private double dcPhase;

        /** The phase of the bar the transform just ran on. */
        double next(HilbertTransform ht) {
            smoothPrices.add(ht.smoothed);
            double smoothPeriod = ht.smoothPeriod;
            // (int) of NaN is 0 here and INT_MIN in TA-Lib's C: no bar is summed either way
            int n = (int) (smoothPeriod + 0.5);
            double[] sin = SIN[n], cos = COS[n], prices = smoothPrices.values();
            int last = smoothPrices.last();
            double realPart = 0.0, imagPart = 0.0;
            for (int i = 0; i < n; i++) {                  // the latest first
                double price = prices[last - i];
                realPart += sin[i] * price;
                imagPart += cos[i] * price;
            }
            double magnitude = Math.abs(imagPart);
            if (magnitude > 0.0) {
                dcPhase = Atan.atan(realPart / imagPart) * RAD_TO_DEG;
            } else if (magnitude <= 0.01) {
                if (realPart < 0.0) dcPhase -= 90.0;
                else if (realPart > 0.0) dcPhase += 90.0;
            }
            dcPhase += 90.0;
            dcPhase += 360.0 / smoothPeriod;              // one bar of the WMA's lag
            if (imagPart < 0.0) dcPhase += 180.0;
            if (dcPhase > 315.0) dcPhase -= 360.0;
            return dcPhase;
        }

        /** The sine of the last phase (HT_SINE's {@code sine}). */
        double sine() { return Math.sin(dcPhase * DEG_TO_RAD); }

        /** The sine of the last phase plus 45 degrees (HT_SINE's {@code leadsine}). */
        double leadSine() { return Math.sin((dcPhase + 45) * DEG_TO_RAD); }
    }

    /**
     * The instantaneous trendline (HT_TRENDLINE): the mean of the last {@code round(smoothPeriod)} prices (not
     * smoothed), then a 4-bar weighted average of those means. Every bar goes to {@link #add}; {@link #next} runs on
     * the bars the transform's filters run on. A batch computes the means from its input ({@link #mean}) and passes
     * them to {@link #next(double)}.
     */
    static final class Trendline {
        private final Window prices = new Window(Phase.SIZE);
        private double iTrend1, iTrend2, iTrend3;

        void add(double x) {
            prices.add(x);
        }

        /** The trendline at the bar last added. */
        double next(HilbertTransform ht) {
            return next(mean(prices.values(), 0, prices.last(), period(ht.smoothPeriod)));
        }

        /** TA-Lib's {@code (int) (smoothPeriod + 0.5)}, the bars the mean covers ((int) of NaN is 0 here). */
        static int period(double smoothPeriod) {
            return (int) (smoothPeriod + 0.5);
        }

        /** The trendline of the next bar from its mean ({@link #mean}): TA-Lib's 4-bar weighted average of the means. */
        double next(double mean) {
            double trendline = (4.0 * mean + 3.0 * iTrend1 + 2.0 * iTrend2 + iTrend3) / 10.0;
            iTrend3 = iTrend2;
            iTrend2 = iTrend1;
            iTrend1 = mean;
            return trendline;
        }

        /** The mean of {@code x[last - n + 1 .. last]} summed the latest first, as TA-Lib sums, zeros before {@code x[first]}. */
        static double mean(double[] x, int first, int last, int n) {
            int inside = Math.min(n, last - first + 1);
            double sum = 0.0;
            for (int i = 0; i < inside; i++) sum += x[last - i];
            for (int i = inside; i < n; i++) sum += 0.0;           // TA-Lib's zeros before the first bar
            return divide(sum, n);
        }

        /** TA-Lib's {@code if (n > 0) mean = sum / n}. */
        static double divide(double sum, int n) {
            return n > 0 ? sum / (double) n : sum;
        }
    }

    /** One of the four filters of {@code DO_HILBERT_TRANSFORM}, for the bars of one parity. */
    private static final class Filter {
        private final double[] ring = new double[3];       // indexed by the transform's hilbertIdx
        private double prev, prevInput;

        static Filter[] pair() { return new Filter[] {new Filter(), new Filter()}; }

        double next(double input, int idx, double adjustedPrevPeriod) {
            double h = A * input;
            double v = -ring[idx];
            ring[idx] = h;
            v += h;
            v -= prev;
            prev = B * prevInput;
            v += prev;
            prevInput = input;
            return v * adjustedPrevPeriod;
        }
    }
}
