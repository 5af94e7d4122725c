package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.Field;
import org.hybridta.indicator.Group;

/**
 * TA-Lib's CCI over the typical price {@code (h + l + c) / 3}. Like TA-Lib it keeps the last {@code period} typical
 * prices in a circular buffer and sums the whole buffer, in buffer order, for the mean and again for the mean
 * deviation at every bar (a running sum would round differently), so a bar costs O(period).
 */
final class Cci extends FunctionDef {
    Cci() {
        super(function("cci", Group.MOMENTUM_INDICATORS, "Commodity Channel Index")
                .inputPrice(Field.HIGH, Field.LOW, Field.CLOSE)
                .paramPeriod(14, 2)
                .output("real"));
    }

    @Override int lookback(Args a) { return a.integer(0) - 1; }

    static double value(double last, double average, double deviation, int period) {
        double above = last - average;
        return above != 0.0 && deviation != 0.0 ? above / (0.015 * (deviation / period)) : 0.0;
    }

    @Override Step step(Args a) {
        int period = a.integer(0);
        double[] buf = new double[period];
        int[] state = {0, 0};   // buffer index, bars seen
        return (in, out) -> {
            double last = (in[0] + in[1] + in[2]) / 3;
            int idx = state[0];
            buf[idx] = last;
            state[0] = idx + 1 == period ? 0 : idx + 1;
            if (++state[1] < period) {
                out[0] = Double.NaN;
                return;
            }
            double sum = 0;
            for (int j = 0; j < period; j++) sum += buf[j];
            double average = sum / period, deviation = 0;
            for (int j = 0; j < period; j++) deviation += Math.abs(buf[j] - average);
            out[0] = value(last, average, deviation, period);
        };
    }

    /**
     * The step's arithmetic with the sum for the next bar accumulated in the same loop as this bar's deviations:
     * the same additions in the same order, but two independent chains the processor overlaps.
     */
    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int period = a.integer(0), lb = period - 1;
        if (!warmUp(out, off, len, lb)) return;
        double[] high = in[0], low = in[1], close = in[2], o = out[0];
        double[] buf = new double[period];
        int end = off + len, i = off;
        for (; i < off + lb; i++) buf[i - off] = (high[i] + low[i] + close[i]) / 3;
        int idx = lb;
        buf[idx] = (high[i] + low[i] + close[i]) / 3;
        double sum = 0;
        for (int j = 0; j < period; j++) sum += buf[j];
        for (; ; i++) {
            double last = buf[idx];
            double average = sum / period;
            double deviation = 0;
            int next = idx == lb ? 0 : idx + 1;
            boolean more = i + 1 < end;
            if (more) {
                double nextValue = (high[i + 1] + low[i + 1] + close[i + 1]) / 3;
                double nextSum = 0;
                for (int j = 0; j < next; j++) {
                    double b = buf[j];
                    deviation += Math.abs(b - average);
                    nextSum += b;
                }
                deviation += Math.abs(buf[next] - average);
                nextSum += nextValue;
                for (int j = next + 1; j < period; j++) {
                    double b = buf[j];
                    deviation += Math.abs(b - average);
                    nextSum += b;
                }
                buf[next] = nextValue;
                sum = nextSum;
            } else {
                for (int j = 0; j < period; j++) deviation += Math.abs(buf[j] - average);
            }
            o[i] = value(last, average, deviation, period);
            if (!more) return;
            idx = next;
        }
    }
}
