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
        int period = a.integer(0);
        if (!warmUp(out, off, len, period)) return;
        double[] down = out[0], up = out[1];
        if (SlidingMinMax.aroon(in[0], in[1], off, period, off + len, down, up, null)) return;
        double factor = 100.0 / period;
        batchIndexes(in[0], in[1], off, off + len, period, (t, hi, lo) -> {
            double today = t - off;
            down[t] = factor * (period - (today - lo));
            up[t] = factor * (period - (today - hi));
        });
    }

    /** Receives, for a bar, the bars of the highest high and of the lowest low (counted from the first bar). */
    interface IndexSink {
        void accept(int bar, double highestBar, double lowestBar);
    }

    /**
     * The bars of the highest high and the lowest low of the windows of {@code period + 1} bars ending at bars
     * {@code from + period .. end - 1}, as {@link Extremes} tracks them.
     */
    static void batchIndexes(double[] high, double[] low, int from, int end, int period, IndexSink sink) {
        SlidingExtreme.Batch highest = SlidingExtreme.batchHighestLatest(high, from, period + 1);
        SlidingExtreme.Batch lowest = SlidingExtreme.batchLowestLatest(low, from, period + 1);
        double[] hi = new double[SlidingExtreme.CHUNK], lo = new double[SlidingExtreme.CHUNK];
        for (int t = from + period; t < end; t += SlidingExtreme.CHUNK) {
            int m = Math.min(SlidingExtreme.CHUNK, end - t);
            highest.indexes(t, t + m, hi, 0);
            lowest.indexes(t, t + m, lo, 0);
            for (int k = 0; k < m; k++) sink.accept(t + k, hi[k], lo[k]);
        }
    }
}
