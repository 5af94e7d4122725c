package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;

/**
 * TA-Lib's AROON over the last {@code timeperiod + 1} bars: aroon down {@code 100 / period * (period - bars since the
 * lowest low)}, aroon up the same of the highest high; on ties the latest bar counts (TA-Lib's {@code <=} and
 * {@code >=} rescans).
 */
final class Aroon extends FunctionDef {
    Aroon() {
        super(function("aroon", Group.MOMENTUM_INDICATORS, "Aroon")
                .inputPrice(Field.HIGH, Field.LOW)
                .paramPeriod(14, 2)
                .output("aroondown")
                .output("aroonup"));
    }

    @Override int lookback(Args a) { return a.integer(0); }

    /** The bars of the highest high and the lowest low of the last {@code period + 1} bars; AROONOSC reads them too. */
    static final class Extremes {
        private final SlidingExtreme highest, lowest;
        private final int period;
        private final double factor;
        private int today = -1;

        Extremes(int period) {
            this.period = period;
            this.factor = 100.0 / period;
            this.highest = SlidingExtreme.highestLatest(period + 1);
            this.lowest = SlidingExtreme.lowestLatest(period + 1);
        }

        /** Adds the next bar; says whether the window is full (the values below are defined). */
        boolean add(double high, double low) {
            today++;
            highest.add(high);
            lowest.add(low);
            return today >= period;
        }

        double down() { return factor * (period - (today - lowest.index())); }

        double up() { return factor * (period - (today - highest.index())); }

        /** AROONOSC: {@code 100 / period * (bar of the highest - bar of the lowest)}. */
        double oscillator() { return factor * (highest.index() - lowest.index()); }
    }

    @Override Step step(Args a) {
        Extremes e = new Extremes(a.integer(0));
        return (in, out) -> {
            boolean ready = e.add(in[0], in[1]);
            out[0] = ready ? e.down() : Double.NaN;
            out[1] = ready ? e.up() : Double.NaN;
        };
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        Extremes e = new Extremes(a.integer(0));
        double[] high = in[0], low = in[1], down = out[0], up = out[1];
        for (int i = off, end = off + len; i < end; i++) {
            boolean ready = e.add(high[i], low[i]);
            down[i] = ready ? e.down() : Double.NaN;
            up[i] = ready ? e.up() : Double.NaN;
        }
    }
}
