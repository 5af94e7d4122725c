package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;
import org.hybridta.indicator.MaType;

/**
 * TA-Lib's ADOSC, Chaikin's oscillator: an exponential average of the {@link Ad#line A/D line} over
 * {@code fastperiod} bars minus one over {@code slowperiod} bars (whichever is longer: a "fast" period above the
 * slow one is allowed and flips the sign). Unlike TA-Lib's EMA, both averages start at the line's first value (not
 * an SMA) and compute {@code k * ad + (1 - k) * ema}; the first value is at the longer period's EMA lookback.
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

    /** TA-Lib's smoothing of the line in ADOSC: {@code k * ad + (1 - k) * previous}, in that order. */
    private static double smooth(double k, double keep, double ad, double previous) {
        return (k * ad) + (keep * previous);
    }

    @Override Step step(Args a) {
        int lookback = lookback(a);
        double fastK = MovingAverage.emaFactor(a.integer(0)), fastKeep = 1.0 - fastK;
        double slowK = MovingAverage.emaFactor(a.integer(1)), slowKeep = 1.0 - slowK;
        double[] s = new double[3];       // line, fast, slow
        int[] bar = {0};
        return (in, out) -> {
            double ad = s[0] = Ad.line(s[0], in[0], in[1], in[2], in[3]);
            if (bar[0]++ == 0) {
                s[1] = ad;
                s[2] = ad;
            } else {
                s[1] = smooth(fastK, fastKeep, ad, s[1]);
                s[2] = smooth(slowK, slowKeep, ad, s[2]);
            }
            out[0] = bar[0] > lookback ? s[1] - s[2] : Double.NaN;
        };
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int lookback = lookback(a);
        if (!warmUp(out, off, len, lookback)) return;
        double fastK = MovingAverage.emaFactor(a.integer(0)), fastKeep = 1.0 - fastK;
        double slowK = MovingAverage.emaFactor(a.integer(1)), slowKeep = 1.0 - slowK;
        double[] high = in[0], low = in[1], close = in[2], volume = in[3], o = out[0];
        // both averages start at the line's first value
        double ad = Ad.line(0, high[off], low[off], close[off], volume[off]), fast = ad, slow = ad;
        int i = off + 1, first = off + lookback, end = off + len;
        for (; i < first; i++) {
            ad = Ad.line(ad, high[i], low[i], close[i], volume[i]);
            fast = smooth(fastK, fastKeep, ad, fast);
            slow = smooth(slowK, slowKeep, ad, slow);
        }
        for (; i < end; i++) {
            ad = Ad.line(ad, high[i], low[i], close[i], volume[i]);
            fast = smooth(fastK, fastKeep, ad, fast);
            slow = smooth(slowK, slowKeep, ad, slow);
            o[i] = fast - slow;
        }
    }
}
