package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;

/** TA-Lib's OBV: starts at the first bar's volume, adds the volume on an up close, subtracts it on a down close. */
final class Obv extends FunctionDef {
    Obv() {
        super(function("obv", Group.VOLUME_INDICATORS, "On Balance Volume")
                .inputReal()
                .inputPrice(Field.VOLUME)
                .output("real"));
    }

    @Override int lookback(Args a) { return 0; }

    @Override Step step(Args a) {
        double[] state = new double[2];   // obv, previous close
        boolean[] first = {true};
        return (in, out) -> {
            double c = in[0], v = in[1];
            if (first[0]) {
                first[0] = false;
                state[0] = v;
            } else if (c > state[1]) {
                state[0] += v;
            } else if (c < state[1]) {
                state[0] -= v;
            }
            state[1] = c;
            out[0] = state[0];
        };
    }

    /**
     * TA-Lib's operations with the branches as selects of the volume to add: {@code obv + v} up, {@code obv + (-v)}
     * (IEEE's {@code obv - v}) down, and {@code obv + (-0.0)}, which is {@code obv} bit for bit, on an unchanged close
     * or a NaN comparison; the JIT compiles this form into a tighter loop than the sign arithmetic on the bits.
     */
    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        if (len == 0) return;
        double[] close = in[0], volume = in[1], o = out[0];
        double obv = volume[off], prev = close[off];
        for (int i = off, end = off + len; i < end; i++) {
            double c = close[i], v = volume[i];
            obv += c > prev ? v : c < prev ? -v : -0.0;
            o[i] = obv;
            prev = c;
        }
    }
}
