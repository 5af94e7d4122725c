package org.hybridta.functions;

import static org.hybridta.functions.Declaration.REAL_MAX;
import static org.hybridta.functions.Declaration.REAL_MIN;
import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;

/**
 * TA-Lib's SAREXT: Wilder's parabolic SAR with its own acceleration factors (initial, step, maximum) for long and
 * short positions, a start value and direction (0: from the first two bars' directional move, &gt; 0 long at that
 * value, &lt; 0 short at its absolute value), and an offset applied to the SAR on a reversal. Short positions are
 * written negative. {@link State} is the SAR of both SAREXT and SAR.
 */
final class SarExt extends FunctionDef {
    SarExt() {
        super(function("sarext", Group.OVERLAP_STUDIES, "Parabolic SAR - Extended")
                .overlap()
                .inputPrice(Field.HIGH, Field.LOW)
                .paramReal("startvalue", 0, REAL_MIN, REAL_MAX)
                .paramReal("offsetonreverse", 0, 0, REAL_MAX)
                .paramReal("accelerationinitlong", 0.02, 0, REAL_MAX)
                .paramReal("accelerationlong", 0.02, 0, REAL_MAX)
                .paramReal("accelerationmaxlong", 0.2, 0, REAL_MAX)
                .paramReal("accelerationinitshort", 0.02, 0, REAL_MAX)
                .paramReal("accelerationshort", 0.02, 0, REAL_MAX)
                .paramReal("accelerationmaxshort", 0.2, 0, REAL_MAX)
                .output("real"));
    }

    @Override int lookback(Args a) { return 1; }

    private static State state(Args a) {
        return new State(a.real(0), a.real(1), a.real(2), a.real(3), a.real(4), a.real(5), a.real(6), a.real(7), true);
    }

    @Override Step step(Args a) {
        State s = state(a);
        return (in, out) -> out[0] = s.next(in[0], in[1]);
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        State s = state(a);
        s.run(in[0], in[1], off, off + len, out[0]);
    }

    /** ta_SAREXT.c (and ta_SAR.c, its special case), resumable: a series in one or more {@link #run}s, or bar by bar. */
    static final class State {
        private final double startValue, offset, initLong, accLong, maxLong, initShort, accShort, maxShort;
        private final boolean negativeShort;
        private int bar;
        private boolean isLong;
        private double afLong, afShort, ep, sar, newHigh, newLow;
        /** {@link #next}'s bar, for {@link #run}. */
        private final double[] oneHigh = new double[1], oneLow = new double[1], oneSar = new double[1];

        /**
         * @param negativeShort whether short positions are written negative (SAREXT) or as they are (SAR)
         */
        State(double startValue, double offset, double initLong, double accLong, double maxLong,
              double initShort, double accShort, double maxShort, boolean negativeShort) {
            // TA-Lib caps the initial and step factors at the maximum
            if (initLong > maxLong) initLong = maxLong;
            if (accLong > maxLong) accLong = maxLong;
            if (initShort > maxShort) initShort = maxShort;
            if (accShort > maxShort) accShort = maxShort;
            this.startValue = startValue;
            this.offset = offset;
            this.initLong = initLong;
            this.accLong = accLong;
            this.maxLong = maxLong;
            this.initShort = initShort;
            this.accShort = accShort;
            this.maxShort = maxShort;
            this.negativeShort = negativeShort;
            this.afLong = initLong;
            this.afShort = initShort;
        }

        /** The SAR written at this bar, NaN at the first: {@link #run} over one bar. */
        double next(double high, double low) {
            oneHigh[0] = high;
            oneLow[0] = low;
            run(oneHigh, oneLow, 0, 1, oneSar);
            return oneSar[0];
        }

        /**
         * The SARs of bars {@code [from, to)} into {@code out}, NaN at the first bar, continuing from the state of
         * the bars before: the only copy of the arithmetic, for the batch and (through {@link #next}) the step.
         * The state is held in locals through the loop, so that C2 keeps it in registers (the fields of a State
         * the batch allocates stayed in memory: their stores and loads lengthened each bar's dependency chain).
         */
        void run(double[] high, double[] low, int from, int to, double[] out) {
            int bar = this.bar;
            boolean isLong = this.isLong;
            double afLong = this.afLong, afShort = this.afShort, ep = this.ep, sar = this.sar;
            double newHigh = this.newHigh, newLow = this.newLow;
            for (int i = from; i < to; i++) {
                if (bar < 2) {
                    if (bar == 0) {                                   // kept: no SAR yet
                        bar = 1;
                        newHigh = high[i];
                        newLow = low[i];
                        out[i] = Double.NaN;
                        continue;
                    }
                    // bar 1: the direction and first SAR from bar 0 (in newHigh/newLow); with start value 0, short
                    // when bar 1 makes a -DM (TA-Lib's MINUS_DM over 1 bar), else long; the SAR starts at bar 0's
                    // extreme against the position (or the start value), the extreme point at bar 1's. Bar 1 is
                    // then processed with itself as the previous bar, as TA-Lib does.
                    bar = 2;
                    double firstHigh = newHigh, firstLow = newLow;
                    newHigh = high[i];
                    newLow = low[i];
                    if (startValue == 0) {
                        isLong = !Directional.minusMove(newHigh - firstHigh, firstLow - newLow);
                        ep = isLong ? newHigh : newLow;
                        sar = isLong ? firstLow : firstHigh;
                    } else if (startValue > 0) {
                        isLong = true;
                        ep = newHigh;
                        sar = startValue;
                    } else {
                        isLong = false;
                        ep = newLow;
                        sar = Math.abs(startValue);
                    }
                }
                double prevLow = newLow, prevHigh = newHigh;
                newLow = low[i];
                newHigh = high[i];
                if (isLong) {
                    if (newLow <= sar) {                              // the low penetrates the SAR: switch to short
                        isLong = false;
                        sar = atLeast(ep, prevHigh, newHigh);
                        if (offset != 0.0) sar += sar * offset;
                        out[i] = negativeShort ? -sar : sar;
                        afShort = initShort;
                        ep = newLow;
                        sar = atLeast(sar + afShort * (ep - sar), prevHigh, newHigh);
                        continue;
                    }
                    out[i] = sar;
                    if (newHigh > ep) {
                        ep = newHigh;
                        afLong += accLong;
                        if (afLong > maxLong) afLong = maxLong;
                    }
                    sar = atMost(sar + afLong * (ep - sar), prevLow, newLow);
                } else {
                    if (newHigh >= sar) {                             // the high penetrates the SAR: switch to long
                        isLong = true;
                        sar = atMost(ep, prevLow, newLow);
                        if (offset != 0.0) sar -= sar * offset;
                        out[i] = sar;
                        afLong = initLong;
                        ep = newHigh;
                        sar = atMost(sar + afLong * (ep - sar), prevLow, newLow);
                        continue;
                    }
                    out[i] = negativeShort ? -sar : sar;
                    if (newLow < ep) {
                        ep = newLow;
                        afShort += accShort;
                        if (afShort > maxShort) afShort = maxShort;
                    }
                    sar = atLeast(sar + afShort * (ep - sar), prevHigh, newHigh);
                }
            }
            this.bar = bar;
            this.isLong = isLong;
            this.afLong = afLong;
            this.afShort = afShort;
            this.ep = ep;
            this.sar = sar;
            this.newHigh = newHigh;
            this.newLow = newLow;
        }

        /**
         * TA-Lib's {@code if (sar > a) sar = a; if (sar > b) sar = b;}. Branches, not {@link Math#min}: on prices
         * they are well predicted, and C2's branch-free min (blends around vminsd, for NaN and -0.0) would lengthen
         * the SAR's chain from bar to bar by more than the misses cost.
         */
        static double atMost(double sar, double a, double b) {
            if (sar > a) sar = a;
            if (sar > b) sar = b;
            return sar;
        }

        /** TA-Lib's {@code if (sar < a) sar = a; if (sar < b) sar = b;}. */
        static double atLeast(double sar, double a, double b) {
            if (sar < a) sar = a;
            if (sar < b) sar = b;
            return sar;
        }
    }
}
