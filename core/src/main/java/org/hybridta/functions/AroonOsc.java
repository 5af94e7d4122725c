package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;

/** TA-Lib's AROONOSC: aroon up minus aroon down, computed as TA-Lib does from the bars of the extremes ({@link Aroon.Extremes}). */
final class AroonOsc extends FunctionDef {
    AroonOsc() {
        super(function("aroonosc", Group.MOMENTUM_INDICATORS, "Aroon Oscillator")
                .inputPrice(Field.HIGH, Field.LOW)
                .paramPeriod(14, 2)
                .output("real"));
    }

    @Override int lookback(Args a) { return a.integer(0); }

    @Override Step step(Args a) {
        Aroon.Extremes e = new Aroon.Extremes(a.integer(0));
        return (in, out) -> out[0] = e.add(in[0], in[1]) ? e.oscillator() : Double.NaN;
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int period = a.integer(0);
        if (!warmUp(out, off, len, period)) return;
        double[] o = out[0];
        if (SlidingMinMax.aroon(in[0], in[1], off, period, off + len, null, null, o)) return;
        double factor = 100.0 / period;
        Aroon.batchIndexes(in[0], in[1], off, off + len, period, (t, hi, lo) -> o[t] = factor * (hi - lo));
    }
}
