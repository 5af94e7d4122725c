package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;

/**
 * TA-Lib's MFI: the positive and negative money flows (typical price x volume, by the direction of the typical
 * price) of the last {@code period} bars sit in two rings, so each bar subtracts the flow leaving the window before
 * adding its own (TA-Lib's order); 0 when the window's total flow is below 1.
 */
final class Mfi extends FunctionDef {
    Mfi() {
        super(function("mfi", Group.MOMENTUM_INDICATORS, "Money Flow Index")
                .inputPrice(Field.HIGH, Field.LOW, Field.CLOSE, Field.VOLUME)
                .paramPeriod(14, 2)
                .output("real"));
    }

    @Override int lookback(Args a) { return a.integer(0); }

    static double value(double posSum, double negSum) {
        double total = posSum + negSum;
        return total < 1.0 ? 0.0 : 100.0 * (posSum / total);
    }

    @Override Step step(Args a) {
        int period = a.integer(0);
        double[] pos = new double[period], neg = new double[period];
        double[] s = new double[3];       // previous typical price, positive sum, negative sum
        int[] state = {0, 0};             // bars seen, ring index
        return (in, out) -> {
            double typical = (in[0] + in[1] + in[2]) / 3.0;
            int t = state[0]++;
            if (t == 0) {
                s[0] = typical;
                out[0] = Double.NaN;
                return;
            }
            int idx = state[1];
            if (t > period) {
                s[1] -= pos[idx];
                s[2] -= neg[idx];
            }
            double change = typical - s[0];
            s[0] = typical;
            double flow = typical * in[3];
            if (change < 0) {
                neg[idx] = flow;
                s[2] += flow;
                pos[idx] = 0.0;
            } else if (change > 0) {
                pos[idx] = flow;
                s[1] += flow;
                neg[idx] = 0.0;
            } else {
                pos[idx] = 0.0;
                neg[idx] = 0.0;
            }
            state[1] = idx + 1 == period ? 0 : idx + 1;
            out[0] = t < period ? Double.NaN : value(s[1], s[2]);
        };
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int period = a.integer(0);
        if (!warmUp(out, off, len, period)) return;
        double[] high = in[0], low = in[1], close = in[2], volume = in[3], o = out[0];
        double[] pos = new double[period], neg = new double[period];
        int end = off + len, today = off, idx = 0;
        double prevTypical = (high[today] + low[today] + close[today]) / 3.0;
        double posSum = 0.0, negSum = 0.0;
        for (today++; today <= off + period; today++) {
            double typical = (high[today] + low[today] + close[today]) / 3.0;
            double change = typical - prevTypical;
            prevTypical = typical;
            double flow = typical * volume[today];
            if (change < 0) {
                neg[idx] = flow;
                negSum += flow;
                pos[idx] = 0.0;
            } else if (change > 0) {
                pos[idx] = flow;
                posSum += flow;
                neg[idx] = 0.0;
            } else {
                pos[idx] = 0.0;
                neg[idx] = 0.0;
            }
            idx++;
        }
        idx = 0;
        o[off + period] = value(posSum, negSum);
        for (; today < end; today++) {
            posSum -= pos[idx];
            negSum -= neg[idx];
            double typical = (high[today] + low[today] + close[today]) / 3.0;
            double change = typical - prevTypical;
            prevTypical = typical;
            double flow = typical * volume[today];
            if (!(change < 0 || change > 0)) {
                pos[idx] = 0.0;
                neg[idx] = 0.0;
            } else {
                // TA-Lib branches on the sign of the change; a mask does the same without mispredictions: the flow
                // goes to one side and +0.0 to the other, and adding +0.0 leaves a sum that is never -0.0 unchanged
                long down = Double.doubleToRawLongBits(change) >> 63;
                long bits = Double.doubleToRawLongBits(flow);
                double p = Double.longBitsToDouble(bits & ~down), n = Double.longBitsToDouble(bits & down);
                pos[idx] = p;
                neg[idx] = n;
                posSum += p;
                negSum += n;
            }
            o[today] = value(posSum, negSum);
            if (++idx == period) idx = 0;
        }
    }
}
