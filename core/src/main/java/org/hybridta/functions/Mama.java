package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/**
 * TA-Lib's MAMA (Ehlers' MESA adaptive moving average) and its follower FAMA: an EMA of the price whose factor is
 * {@code fastlimit} divided by the bar's phase change (at least 1 degree), bounded below by {@code slowlimit}; FAMA
 * follows MAMA with half that factor. The phase is {@code atan(Q1 / I1)} of the {@link HilbertTransform} (whose
 * smoothing, filters and period are TA-Lib's HT_DCPERIOD's). The MA type MAMA is this with TA-Lib's limits 0.5 and
 * 0.05, whatever the period ({@link MovingAverage}).
 */
final class Mama extends FunctionDef {
    /** The limits TA-Lib's {@code TA_MA} uses for the MAMA type. */
    static final double MA_FAST_LIMIT = 0.5, MA_SLOW_LIMIT = 0.05;

    Mama() {
        super(function("mama", Group.OVERLAP_STUDIES, "MESA Adaptive Moving Average")
                .overlap()
                .inputReal()
                .paramReal("fastlimit", 0.5, 0.01, 0.99)
                .paramReal("slowlimit", 0.05, 0.01, 0.99)
                .output("mama")
                .output("fama"));
    }

    @Override int lookback(Args a) { return HilbertTransform.PERIOD_LOOKBACK; }

    @Override Step step(Args a) {
        State s = new State(a.real(0), a.real(1));
        return (in, out) -> {
            out[0] = s.next(in[0]);
            out[1] = s.fama();
        };
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        State s = new State(a.real(0), a.real(1));
        double[] x = in[0], mama = out[0], fama = out[1];
        for (int i = off, end = off + len; i < end; i++) {
            mama[i] = s.next(x[i]);
            fama[i] = s.fama();
        }
    }

    // the batch of the MA type, called by MovingAverage
    static void batch(double[] x, int off, int len, double[] out) {
        State s = new State(MA_FAST_LIMIT, MA_SLOW_LIMIT);
        for (int i = off, end = off + len; i < end; i++) out[i] = s.next(x[i]);
    }

    /** ta_MAMA.c with no unstable period, one bar at a time. */
    static final class State implements RealStep {
        private final double fastLimit, slowLimit;
        private final HilbertTransform hilbert = HilbertTransform.period();
        private double mama, fama, prevPhase;

        State(double fastLimit, double slowLimit) {
            this.fastLimit = fastLimit;
            this.slowLimit = slowLimit;
        }

        /** MAMA at this bar, NaN before bar 32; {@link #fama()} then holds FAMA. */
        @Override public double next(double x) {
            if (!hilbert.next(x)) return Double.NaN;
            double inPhase = hilbert.inPhase();
            // Atan: StrictMath's bits without Java 17's native call per value
            double phase = inPhase != 0.0 ? Atan.atan(hilbert.quadrature() / inPhase) * HilbertTransform.RAD_TO_DEG : 0.0;
            // TA-Lib's "if (deltaPhase < 1) deltaPhase = 1" and "if (alpha < slowLimit) alpha = slowLimit" as max,
            // branch-free: the same values (a NaN delta stays NaN, and 1 and slowLimit are not zeros)
            double deltaPhase = Math.max(prevPhase - phase, 1.0);
            prevPhase = phase;
            double alpha = deltaPhase > 1.0 ? Math.max(fastLimit / deltaPhase, slowLimit) : fastLimit;
            mama = (alpha * x) + ((1 - alpha) * mama);
            alpha *= 0.5;
            fama = (alpha * mama) + ((1 - alpha) * fama);
            return hilbert.hasValue() ? mama : Double.NaN;
        }

        /** FAMA at the last bar, NaN before bar 32. */
        double fama() { return hilbert.hasValue() ? fama : Double.NaN; }
    }
}
