package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import java.util.Arrays;
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

    /**
     * The step's arithmetic, with the typical prices computed first in a loop of their own (a plain loop the JIT can
     * vectorise, its division off the sums' loop) into the output, which the sums' loop then reads bar by bar just
     * before writing its value there.
     */
    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int period = a.integer(0);
        if (!warmUp(out, off, len, period)) return;
        double[] high = in[0], low = in[1], close = in[2], volume = in[3], o = out[0];
        int end = off + len, today = off, idx = 0;
        for (int i = off; i < end; i++) o[i] = (high[i] + low[i] + close[i]) / 3.0;
        double[] pos = new double[period], neg = new double[period];
        double prevTypical = o[today];
        double posSum = 0.0, negSum = 0.0;
        for (today++; today <= off + period; today++) {
            double typical = o[today];
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
        Arrays.fill(o, off, off + period, Double.NaN);
        o[off + period] = value(posSum, negSum);
        for (; today < end; today++) {
            posSum -= pos[idx];
            negSum -= neg[idx];
            double typical = o[today];
            double change = typical - prevTypical;
            prevTypical = typical;
            double flow = typical * volume[today];
            // TA-Lib branches on the sign of the change and adds the flow to one sum; here the flow goes to one side
            // and +0.0 to the other (both on no change or NaN), and adding +0.0 leaves a sum that is never -0.0
            // unchanged: selects instead of unpredictable branches
            double p = change > 0 ? flow : 0.0, n = change < 0 ? flow : 0.0;
            pos[idx] = p;
            neg[idx] = n;
            posSum += p;
            negSum += n;
            o[today] = value(posSum, negSum);
            if (++idx == period) idx = 0;
        }
    }
}
