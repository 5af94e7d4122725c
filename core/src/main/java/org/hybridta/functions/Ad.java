package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;

/** TA-Lib's AD, Chaikin's accumulation/distribution line: the running sum of each bar's close location times its volume. */
final class Ad extends FunctionDef {
    Ad() {
        super(function("ad", Group.VOLUME_INDICATORS, "Chaikin A/D Line")
                .inputPrice(Field.HIGH, Field.LOW, Field.CLOSE, Field.VOLUME)
                .output("real"));
    }

    @Override int lookback(Args a) { return 0; }

    /** The A/D line from the first bar on (ADOSC smooths it). */
    static final class Line {
        private double ad;

        /** Adds a bar and returns the line; a bar without range ({@code high - low <= 0}) adds nothing, as in TA-Lib. */
        double next(double high, double low, double close, double volume) {
            double range = high - low;
            if (range > 0.0) ad += (((close - low) - (high - close)) / range) * volume;
            return ad;
        }
    }

    @Override Step step(Args a) {
        Line line = new Line();
        return (in, out) -> out[0] = line.next(in[0], in[1], in[2], in[3]);
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        double[] high = in[0], low = in[1], close = in[2], volume = in[3], o = out[0];
        Line line = new Line();
        for (int i = off, end = off + len; i < end; i++) o[i] = line.next(high[i], low[i], close[i], volume[i]);
    }
}
