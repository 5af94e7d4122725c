package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;
import org.hybridta.indicator.MaType;

/**
 * TA-Lib's ADOSC, Chaikin's oscillator: an exponential average of the {@link Ad.Line} over {@code fastperiod} bars
 * minus one over {@code slowperiod} bars (whichever is longer: a "fast" period above the slow one is allowed and
 * flips the sign). Unlike TA-Lib's EMA, both averages start at the line's first value (not an SMA) and compute
 * {@code k * ad + (1 - k) * ema}; the first value is at the longer period's EMA lookback.
 */
final class Adosc extends FunctionDef {
    Adosc() {
        super(function("adosc", Group.VOLUME_INDICATORS, "Chaikin A/D Oscillator")
                .inputPrice(Field.HIGH, Field.LOW, Field.CLOSE, Field.VOLUME)
                .paramInt("fastperiod", 3, 2, Declaration.MAX_PERIOD)
                .paramInt("slowperiod", 10, 2, Declaration.MAX_PERIOD)
                .output("real"));
    }

    @Override int lookback(Args a) {
        return MovingAverage.lookback(MaType.EMA, Math.max(a.integer(0), a.integer(1)));
    }

    /** The oscillator of one series, NaN before the lookback. */
    private static final class State {
        private final Ad.Line line = new Ad.Line();
        private final double fastK, fastKeep, slowK, slowKeep;
        private final int lookback;
        private int bar;
        private double fast, slow;

        State(int fastPeriod, int slowPeriod, int lookback) {
            fastK = MovingAverage.emaFactor(fastPeriod);
            fastKeep = 1.0 - fastK;
            slowK = MovingAverage.emaFactor(slowPeriod);
            slowKeep = 1.0 - slowK;
            this.lookback = lookback;
        }

        double next(double high, double low, double close, double volume) {
            double ad = line.next(high, low, close, volume);
            if (bar++ == 0) {
                fast = ad;
                slow = ad;
            } else {
                fast = (fastK * ad) + (fastKeep * fast);
                slow = (slowK * ad) + (slowKeep * slow);
            }
            return bar > lookback ? fast - slow : Double.NaN;
        }
    }

    private State state(Args a) {
        return new State(a.integer(0), a.integer(1), lookback(a));
    }

    @Override Step step(Args a) {
        State s = state(a);
        return (in, out) -> out[0] = s.next(in[0], in[1], in[2], in[3]);
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        double[] high = in[0], low = in[1], close = in[2], volume = in[3], o = out[0];
        State s = state(a);
        for (int i = off, end = off + len; i < end; i++) o[i] = s.next(high[i], low[i], close[i], volume[i]);
    }
}
