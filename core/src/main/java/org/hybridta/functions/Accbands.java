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

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        State s = new State(a.integer(0));
        double[] high = in[0], low = in[1], close = in[2], upper = out[0], middle = out[1], lower = out[2];
        for (int i = off, end = off + len; i < end; i++) {
            s.next(high[i], low[i], close[i]);
            upper[i] = s.upper;
            middle[i] = s.middle;
            lower[i] = s.lower;
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
            double sum = high + low, up = high, down = low;
            if (!FunctionDef.isZero(sum)) {
                double width = 4 * (high - low) / sum;     // TA-Lib's order: (4 * (high - low)) / sum
                up = high * (1 + width);
                down = low * (1 - width);
            }
            upper = upperSma.next(up);
            middle = middleSma.next(close);
            lower = lowerSma.next(down);
        }
    }
}
