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

    /**
     * The A/D line after a bar, from the line before it (0 before the first bar); a bar without range
     * ({@code high - low <= 0}) adds nothing, as in TA-Lib. ADOSC smooths this line.
     */
    static double line(double ad, double high, double low, double close, double volume) {
        double range = high - low;
        if (range > 0.0) ad += (((close - low) - (high - close)) / range) * volume;
        return ad;
    }

    @Override Step step(Args a) {
        double[] ad = {0};
        return (in, out) -> out[0] = ad[0] = line(ad[0], in[0], in[1], in[2], in[3]);
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        double[] high = in[0], low = in[1], close = in[2], volume = in[3], o = out[0];
        double ad = 0;
        for (int i = off, end = off + len; i < end; i++) o[i] = ad = line(ad, high[i], low[i], close[i], volume[i]);
    }
}
