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
    /** The types ported so far; the others throw. The conformance tests draw MA-type parameters from this set. */
    static final Set<MaType> PORTED = EnumSet.of(MaType.SMA, MaType.EMA);

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

    /** A streaming moving average. */
    static RealStep step(MaType type, int period) {
        if (period == 1) return x -> x;
        return switch (type) {
            case SMA -> new SmaStep(period);
            case EMA -> new EmaStep(period);
            default -> throw notPorted(type);
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
            default -> throw notPorted(type);
        }
    }

    private static UnsupportedOperationException notPorted(MaType type) {
        return new UnsupportedOperationException("moving average type " + type.text() + " is not ported yet");
    }

    /** TA-Lib's EMA factor {@code 2 / (period + 1)}. */
    static double emaFactor(int period) {
        return 2.0 / (double) (period + 1);
    }

    // TA_INT_SMA: add the newest, keep the sum, drop the oldest, divide the kept sum
    private static void sma(double[] x, int off, int len, int period, double[] out) {
        int lb = period - 1;
        java.util.Arrays.fill(out, off, off + Math.min(lb, len), Double.NaN);
        if (len <= lb) return;
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

    /** The streaming form of {@link #sma}: a ring of the window's values. */
    static final class SmaStep implements RealStep {
        private final int period;
        private final double[] ring;
        private int pos, seen;
        private double total;

        SmaStep(int period) {
            this.period = period;
            this.ring = new double[period];
        }

        @Override public double next(double x) {
            total += x;
            ring[pos] = x;
            if (++pos == period) pos = 0;
            if (seen < period - 1) {
                seen++;
                return Double.NaN;
            }
            double sum = total;
            total -= ring[pos];                      // the window's first value, x[t - period + 1]
            return sum / period;
        }
    }

    // TA_INT_EMA, classic seeding: the first value is the SMA of the first period inputs
    private static void ema(double[] x, int off, int len, int period, double[] out) {
        int lb = period - 1;
        java.util.Arrays.fill(out, off, off + Math.min(lb, len), Double.NaN);
        if (len <= lb) return;
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
            this.period = period;
            this.k = emaFactor(period);
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
    }
}
