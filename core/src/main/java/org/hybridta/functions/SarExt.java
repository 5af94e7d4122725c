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
        double[] high = in[0], low = in[1], o = out[0];
        for (int i = off, end = off + len; i < end; i++) o[i] = s.next(high[i], low[i]);
    }

    /** ta_SAREXT.c (and ta_SAR.c, its special case) one bar at a time. */
    static final class State {
        private final double startValue, offset, initLong, accLong, maxLong, initShort, accShort, maxShort;
        private final boolean negativeShort;
        private int bar;
        private boolean isLong;
        private double afLong, afShort, ep, sar, newHigh, newLow;

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

        /** The SAR written at this bar, NaN at the first. */
        double next(double high, double low) {
            if (bar < 2 && firstBars(high, low)) return Double.NaN;
            double prevLow = newLow, prevHigh = newHigh;
            newLow = low;
            newHigh = high;
            // small methods, so that a batch loop inlines them all
            return isLong ? whileLong(prevLow, prevHigh) : whileShort(prevLow, prevHigh);
        }

        /** Bar 0 is kept (true: no SAR yet); bar 1 starts the position. */
        private boolean firstBars(double high, double low) {
            if (bar == 0) {
                bar = 1;
                newHigh = high;                       // read by start()
                newLow = low;
                return true;
            }
            bar = 2;
            start(high, low);
            return false;
        }

        private double whileLong(double prevLow, double prevHigh) {
            if (newLow <= sar) {                      // the low penetrates the SAR: switch to short
                isLong = false;
                sar = ep;
                if (sar < prevHigh) sar = prevHigh;
                if (sar < newHigh) sar = newHigh;
                if (offset != 0.0) sar += sar * offset;
                double out = negativeShort ? -sar : sar;
                afShort = initShort;
                ep = newLow;
                sar = sar + afShort * (ep - sar);
                if (sar < prevHigh) sar = prevHigh;
                if (sar < newHigh) sar = newHigh;
                return out;
            }
            double out = sar;
            if (newHigh > ep) {
                ep = newHigh;
                afLong += accLong;
                if (afLong > maxLong) afLong = maxLong;
            }
            sar = sar + afLong * (ep - sar);
            if (sar > prevLow) sar = prevLow;
            if (sar > newLow) sar = newLow;
            return out;
        }

        private double whileShort(double prevLow, double prevHigh) {
            if (newHigh >= sar) {                     // the high penetrates the SAR: switch to long
                isLong = true;
                sar = ep;
                if (sar > prevLow) sar = prevLow;
                if (sar > newLow) sar = newLow;
                if (offset != 0.0) sar -= sar * offset;
                double out = sar;
                afLong = initLong;
                ep = newHigh;
                sar = sar + afLong * (ep - sar);
                if (sar > prevLow) sar = prevLow;
                if (sar > newLow) sar = newLow;
                return out;
            }
            double out = negativeShort ? -sar : sar;
            if (newLow < ep) {
                ep = newLow;
                afShort += accShort;
                if (afShort > maxShort) afShort = maxShort;
            }
            sar = sar + afShort * (ep - sar);
            if (sar < prevHigh) sar = prevHigh;
            if (sar < newHigh) sar = newHigh;
            return out;
        }

        /**
         * The direction and first SAR at bar 1, from bar 0 (in newHigh/newLow): with start value 0, short when bar 1
         * makes a -DM (TA-Lib's MINUS_DM over 1 bar), else long; the SAR starts at bar 0's extreme against the
         * position (or the start value) and the extreme point at bar 1's. Bar 1 is then processed with itself as
         * the previous bar, as TA-Lib does.
         */
        private void start(double high, double low) {
            double firstHigh = newHigh, firstLow = newLow;
            if (startValue == 0) {
                isLong = !Directional.minusMove(high - firstHigh, firstLow - low);
                ep = isLong ? high : low;
                sar = isLong ? firstLow : firstHigh;
            } else if (startValue > 0) {
                isLong = true;
                ep = high;
                sar = startValue;
            } else {
                isLong = false;
                ep = low;
                sar = Math.abs(startValue);
            }
            newHigh = high;
            newLow = low;
        }
    }
}
