package org.hybridta.functions;

import java.util.EnumSet;
import java.util.Set;
import org.hybridta.indicator.MaType;

/**
 * TA-Lib's {@code TA_MA}: the nine moving-average types behind one switch, as a step and as a batch loop, for
 * MA, SMA, EMA ... and every function with an MA-type parameter (BBANDS, MACDEXT, STOCH, STOCHF, STOCHRSI, APO,
 * PPO, MAVP). A period of 1 copies the input, as {@code TA_MA} does for every type.
 */
final class MovingAverage {
    /** The types ported: all nine. The conformance tests draw MA-type parameters from this set. */
    static final Set<MaType> PORTED = EnumSet.allOf(MaType.class);

    private MovingAverage() {}

    /** TA-Lib's {@code TA_MA_Lookback}. */
    static int lookback(MaType type, int period) {
        if (period <= 1) return 0;
        return switch (type) {
            case SMA, EMA, WMA, TRIMA -> period - 1;
            case DEMA -> 2 * (period - 1);
            case TEMA -> 3 * (period - 1);
            case KAMA -> period;
            case MAMA -> 32;
            case T3 -> 6 * (period - 1);
        };
    }

    /**
     * Why TA-Lib's average of this type over {@code period} bars is refused, or null: TA-Lib sums WMA's and TRIMA's
     * weights in a 32-bit {@code int}, which overflows above 46340 and 92680 bars (its averages then come out
     * negative). {@code param} is the period's parameter name, for the message.
     */
    static String refusal(MaType type, int period, String param) {
        int max = switch (type) {
            case WMA -> 46_340;
            case TRIMA -> 92_680;
            default -> Integer.MAX_VALUE;
        };
        return period > max
                ? param + " above " + max + " with " + type.text() + ": TA-Lib's 32-bit sum of the weights overflows (its average comes out negative)"
                : null;
    }

    /** A streaming moving average. */
    static RealStep step(MaType type, int period) {
        if (period == 1) return x -> x;
        return switch (type) {
            case SMA -> new SmaStep(period);
            case EMA -> new EmaStep(period);
            case WMA -> new WmaStep(period);
            case DEMA -> new DemaStep(period);
            case TEMA -> new TemaStep(period);
            case TRIMA -> new Trima.State(period);
            case KAMA -> new Kama.State(period);
            case MAMA -> new Mama.State(Mama.MA_FAST_LIMIT, Mama.MA_SLOW_LIMIT);
            case T3 -> new T3.State(period, T3.MA_VFACTOR);
        };
    }

    /** Writes the moving average of {@code x[off, off + len)} into {@code out[off, off + len)}, NaN before the lookback. */
    static void batch(MaType type, int period, double[] x, int off, int len, double[] out) {
        if (period == 1) {
            System.arraycopy(x, off, out, off, len);
            return;
        }
        switch (type) {
            case SMA -> sma(x, off, len, period, out);
            case EMA -> ema(x, off, len, period, out);
            case WMA -> wma(x, off, len, period, out);
            case DEMA -> dema(x, off, len, period, out);
            case TEMA -> tema(x, off, len, period, out);
            case TRIMA -> Trima.batch(x, off, len, period, out);
            case KAMA -> Kama.batch(x, off, len, period, out);
            case MAMA -> Mama.batch(x, off, len, out);
            case T3 -> T3.batch(x, off, len, period, T3.MA_VFACTOR, out);
        }
    }

    /** TA-Lib's EMA factor {@code 2 / (period + 1)}. */
    static double emaFactor(int period) {
        return 2.0 / (double) (period + 1);
    }

    // TA_INT_SMA: add the newest, keep the sum, drop the oldest, divide the kept sum
    private static void sma(double[] x, int off, int len, int period, double[] out) {
        int lb = period - 1;
        if (!warmUp(out, off, len, lb)) return;
        int end = off + len, i = off, trailing = off;
        double total = 0;
        for (; i < off + lb; i++) total += x[i];
        for (; i < end; i++) {
            total += x[i];
            double sum = total;
            total -= x[trailing++];
            out[i] = sum / period;
        }
    }

    /** The streaming form of {@link #sma}: {@link Sum.Running}'s total of the window, divided by the period. */
    static final class SmaStep implements RealStep {
        private final int period;
        private final Sum.Running total;

        SmaStep(int period) {
            this.period = period;
            this.total = new Sum.Running(period);
        }

        @Override public double next(double x) {
            return total.next(x) / period;           // NaN while warming up
        }
    }

    // TA_INT_EMA, classic seeding: the first value is the SMA of the first period inputs
    private static void ema(double[] x, int off, int len, int period, double[] out) {
        if (!warmUp(out, off, len, period - 1)) return;
        double k = emaFactor(period);
        int end = off + len, i = off;
        double sum = 0.0;
        for (; i < off + period; i++) sum += x[i];
        double ema = sum / period;
        out[i - 1] = ema;
        for (; i < end; i++) {
            ema = ((x[i] - ema) * k) + ema;
            out[i] = ema;
        }
    }

    /** The streaming form of {@link #ema}. */
    static final class EmaStep implements RealStep {
        private final int period;
        private final double k;
        private int seen;
        private double sum, ema;

        EmaStep(int period) {
            this(period, emaFactor(period));
        }

        /** An EMA seeded over {@code period} values, with another factor than {@code 2 / (period + 1)} (MACDFIX). */
        EmaStep(int period, double k) {
            this.period = period;
            this.k = k;
        }

        @Override public double next(double x) {
            if (seen < period) {
                sum += x;
                if (++seen < period) return Double.NaN;
                ema = sum / period;
                return ema;
            }
            ema = ((x - ema) * k) + ema;
            return ema;
        }

        /** Whether the last {@link #next} returned a value (the seed is complete). */
        boolean ready() { return seen == period; }
    }

    /** Fills the first {@code min(lookback, len)} cells with NaN; says whether a value remains to compute. */
    static boolean warmUp(double[] out, int off, int len, int lookback) {
        java.util.Arrays.fill(out, off, off + Math.min(lookback, len), Double.NaN);
        return len > lookback;
    }

    // TA_WMA: periodSum is the weighted sum, periodSub the plain sum that each step subtracts from it
    private static void wma(double[] x, int off, int len, int period, double[] out) {
        if (!warmUp(out, off, len, period - 1)) return;
        int divider = (period * (period + 1)) >> 1;
        int end = off + len, i = off, trailing = off;
        double periodSum = 0.0, periodSub = 0.0;
        for (int w = 1; i < off + period - 1; i++, w++) {
            double v = x[i];
            periodSub += v;
            periodSum += v * w;
        }
        double trailingValue = 0.0;
        for (; i < end; i++) {
            double v = x[i];
            periodSub += v;
            periodSub -= trailingValue;
            periodSum += v * period;
            trailingValue = x[trailing++];
            out[i] = periodSum / divider;
            periodSum -= periodSub;
        }
    }

    /** The streaming form of {@link #wma}. */
    static final class WmaStep implements RealStep {
        private final int period, divider;
        private final double[] ring;
        private int pos, seen;
        private double periodSum, periodSub, trailingValue;

        WmaStep(int period) {
            this.period = period;
            this.divider = (period * (period + 1)) >> 1;
            this.ring = new double[period];
        }

        @Override public double next(double v) {
            ring[pos] = v;
            if (++pos == period) pos = 0;
            if (seen < period - 1) {
                seen++;
                periodSub += v;
                periodSum += v * seen;
                return Double.NaN;
            }
            periodSub += v;
            periodSub -= trailingValue;
            periodSum += v * period;
            trailingValue = ring[pos];               // x[t - period + 1]
            double result = periodSum / divider;
            periodSum -= periodSub;
            return result;
        }
    }

    // TA_DEMA: the EMAs of TA-Lib's intermediate arrays run side by side, each seeded as TA-Lib seeds it
    private static void dema(double[] x, int off, int len, int period, double[] out) {
        int lb = 2 * (period - 1);
        if (!warmUp(out, off, len, lb)) return;
        double k = emaFactor(period);
        int end = off + len, i = off;
        double sum = 0.0;
        for (; i < off + period; i++) sum += x[i];
        double e1 = sum / period;                    // first EMA, bar period - 1
        double sum2 = 0.0 + e1;                      // seed of the EMA of the EMA
        for (; i <= off + lb; i++) {
            e1 = ((x[i] - e1) * k) + e1;
            sum2 += e1;
        }
        double e2 = sum2 / period;
        out[off + lb] = (2.0 * e1) - e2;
        for (; i < end; i++) {
            e1 = ((x[i] - e1) * k) + e1;
            e2 = ((e1 - e2) * k) + e2;
            out[i] = (2.0 * e1) - e2;
        }
    }

    /** The streaming form of {@link #dema}: an EMA and the EMA of its values. */
    static final class DemaStep implements RealStep {
        private final EmaStep e1, e2;

        DemaStep(int period) {
            e1 = new EmaStep(period);
            e2 = new EmaStep(period);
        }

        @Override public double next(double x) {
            double a = e1.next(x);
            if (!e1.ready()) return Double.NaN;
            double b = e2.next(a);
            return e2.ready() ? (2.0 * a) - b : Double.NaN;
        }
    }

    // TA_TEMA: three chained EMAs; TA-Lib's out = ema3 + ((3 * ema1) - (3 * ema2))
    private static void tema(double[] x, int off, int len, int period, double[] out) {
        int lbEma = period - 1, lb = 3 * lbEma;
        if (!warmUp(out, off, len, lb)) return;
        double k = emaFactor(period);
        int end = off + len, i = off;
        double sum = 0.0;
        for (; i < off + period; i++) sum += x[i];
        double e1 = sum / period;                    // bar lbEma
        double sum2 = 0.0 + e1;
        for (; i <= off + 2 * lbEma; i++) {
            e1 = ((x[i] - e1) * k) + e1;
            sum2 += e1;
        }
        double e2 = sum2 / period;                   // bar 2 * lbEma
        double sum3 = 0.0 + e2;
        for (; i <= off + lb; i++) {
            e1 = ((x[i] - e1) * k) + e1;
            e2 = ((e1 - e2) * k) + e2;
            sum3 += e2;
        }
        double e3 = sum3 / period;                   // bar 3 * lbEma
        out[off + lb] = e3 + ((3.0 * e1) - (3.0 * e2));
        for (; i < end; i++) {
            e1 = ((x[i] - e1) * k) + e1;
            e2 = ((e1 - e2) * k) + e2;
            e3 = ((e2 - e3) * k) + e3;
            out[i] = e3 + ((3.0 * e1) - (3.0 * e2));
        }
    }

    /** The streaming form of {@link #tema}. */
    static final class TemaStep implements RealStep {
        private final EmaStep e1, e2, e3;

        TemaStep(int period) {
            e1 = new EmaStep(period);
            e2 = new EmaStep(period);
            e3 = new EmaStep(period);
        }

        @Override public double next(double x) {
            double a = e1.next(x);
            if (!e1.ready()) return Double.NaN;
            double b = e2.next(a);
            if (!e2.ready()) return Double.NaN;
            double c = e3.next(b);
            return e3.ready() ? c + ((3.0 * a) - (3.0 * b)) : Double.NaN;
        }
    }
}
