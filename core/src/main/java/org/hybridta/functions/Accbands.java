package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;

/**
 * TA-Lib's ACCBANDS (Headley's acceleration bands): SMAs over {@code timeperiod} bars of
 * {@code high * (1 + 4 * (high - low) / (high + low))} (upper), of the close (middle) and of
 * {@code low * (1 - 4 * (high - low) / (high + low))} (lower); where {@code high + low} is zero the high and the low
 * themselves.
 */
final class Accbands extends FunctionDef {
    Accbands() {
        super(function("accbands", Group.OVERLAP_STUDIES, "Acceleration Bands")
                .overlap()
                .inputPrice(Field.HIGH, Field.LOW, Field.CLOSE)
                .paramPeriod(20, 2)
                .output("upperband")
                .output("middleband")
                .output("lowerband"));
    }

    @Override int lookback(Args a) { return a.integer(0) - 1; }

    @Override Step step(Args a) {
        State s = new State(a.integer(0));
        return (in, out) -> {
            s.next(in[0], in[1], in[2]);
            out[0] = s.upper;
            out[1] = s.middle;
            out[2] = s.lower;
        };
    }

    /**
     * The step's arithmetic in one loop without its objects: the bands' inputs computed once per bar (one division,
     * {@link State#width}) and kept for {@code period} bars in two rings (the middle band's leaving value is the close
     * itself), and the three SMAs' sums as TA-Lib's {@code TA_INT_SMA} keeps them ({@link Sum.Running}).
     */
    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int period = a.integer(0), lookback = period - 1;
        if (!warmUp(out, off, len, lookback)) return;
        double[] high = in[0], low = in[1], close = in[2], upper = out[0], middle = out[1], lower = out[2];
        double[] ups = new double[period], downs = new double[period];
        double upTotal = 0, middleTotal = 0, downTotal = 0;
        int i = off, end = off + len, slot = 0;
        for (; i < off + lookback; i++, slot++) {
            double width = State.width(high[i], low[i]);
            ups[slot] = high[i] * (1 + width);
            downs[slot] = low[i] * (1 - width);
            upTotal += ups[slot];
            middleTotal += close[i];
            downTotal += downs[slot];
        }
        for (int trailing = off; i < end; i++, trailing++) {
            double width = State.width(high[i], low[i]), up = high[i] * (1 + width), down = low[i] * (1 - width);
            upTotal += up;
            middleTotal += close[i];
            downTotal += down;
            ups[slot] = up;
            downs[slot] = down;
            if (++slot == period) slot = 0;
            upper[i] = upTotal / period;
            middle[i] = middleTotal / period;
            lower[i] = downTotal / period;
            upTotal -= ups[slot];                          // the window's first value, period - 1 bars back
            middleTotal -= close[trailing];
            downTotal -= downs[slot];
        }
    }

    /** The three SMAs of one series; {@link #next} consumes a bar and leaves its bands in the fields. */
    static final class State {
        private final MovingAverage.SmaStep upperSma, middleSma, lowerSma;
        double upper, middle, lower;

        State(int period) {
            upperSma = new MovingAverage.SmaStep(period);
            middleSma = new MovingAverage.SmaStep(period);
            lowerSma = new MovingAverage.SmaStep(period);
        }

        void next(double high, double low, double close) {
            double width = width(high, low);
            upper = upperSma.next(high * (1 + width));
            middle = middleSma.next(close);
            lower = lowerSma.next(low * (1 - width));
        }

        /**
         * {@code 4 * (high - low) / (high + low)} in TA-Lib's order, or 0 where the sum is zero: TA-Lib then takes the
         * high and the low themselves, which {@code high * (1 + 0)} and {@code low * (1 - 0)} are bit for bit.
         */
        static double width(double high, double low) {
            double sum = high + low;
            return FunctionDef.isZero(sum) ? 0.0 : 4 * (high - low) / sum;
        }
    }
}
