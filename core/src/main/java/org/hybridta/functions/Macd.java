package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import org.hybridta.indicator.Group;

/**
 * TA-Lib's MACD: the fast EMA minus the slow EMA (both first valued at bar {@code slowperiod - 1}: the slow one
 * seeded with the mean of bars {@code [0, slow)}, the fast one with the mean of the {@code fast} bars ending at
 * {@code slow - 1}), its EMA over {@code signalperiod} bars, and their difference. TA-Lib swaps a slow period
 * shorter than the fast one.
 */
final class Macd extends FunctionDef {
    Macd() {
        super(function("macd", Group.MOMENTUM_INDICATORS, "Moving Average Convergence/Divergence")
                .inputReal()
                .paramInt("fastperiod", 12, 2, Declaration.MAX_PERIOD)
                .paramInt("slowperiod", 26, 2, Declaration.MAX_PERIOD)
                .paramInt("signalperiod", 9, 1, Declaration.MAX_PERIOD)
                .output("macd")
                .output("macdsignal")
                .output("macdhist"));
    }

    private static int fast(Args a) { return Math.min(a.integer(0), a.integer(1)); }

    private static int slow(Args a) { return Math.max(a.integer(0), a.integer(1)); }

    @Override String refusal(Args a) {
        return a.integer(2) < 2 ? "signalperiod must be at least 2 (TA-Lib C's MACD fails on 1, though its range starts at 1)" : null;
    }

    @Override int lookback(Args a) { return (slow(a) - 1) + (a.integer(2) - 1); }

    @Override Step step(Args a) {
        int fast = fast(a), slow = slow(a);
        MovingAverage.EmaStep slowEma = new MovingAverage.EmaStep(slow), fastEma = new MovingAverage.EmaStep(fast);
        MovingAverage.EmaStep signal = new MovingAverage.EmaStep(a.integer(2));
        int[] bar = {0};
        return (in, out) -> {
            int t = bar[0]++;
            double s = slowEma.next(in[0]);
            // the fast EMA starts summing its seed where it must end at bar slow - 1
            double f = t >= slow - fast ? fastEma.next(in[0]) : Double.NaN;
            if (!slowEma.ready()) {
                out[0] = out[1] = out[2] = Double.NaN;
                return;
            }
            double macd = f - s;
            double sig = signal.next(macd);
            if (!signal.ready()) {
                out[0] = out[1] = out[2] = Double.NaN;
                return;
            }
            out[0] = macd;
            out[1] = sig;
            out[2] = macd - sig;
        };
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int fast = fast(a), slow = slow(a), signal = a.integer(2);
        int lb = lookback(a);
        if (!warmUp(out, off, len, lb)) return;
        double[] x = in[0], line = out[0], sig = out[1], hist = out[2];
        double kSlow = MovingAverage.emaFactor(slow), kFast = MovingAverage.emaFactor(fast), kSignal = MovingAverage.emaFactor(signal);
        int end = off + len;
        double sum = 0.0;
        for (int i = off; i < off + slow; i++) sum += x[i];
        double slowEma = sum / slow;
        sum = 0.0;
        for (int i = off + slow - fast; i < off + slow; i++) sum += x[i];
        double fastEma = sum / fast;
        double macd = fastEma - slowEma;             // bar slow - 1
        double sumSignal = 0.0 + macd;
        int i = off + slow;
        for (; i <= off + lb; i++) {
            slowEma = ((x[i] - slowEma) * kSlow) + slowEma;
            fastEma = ((x[i] - fastEma) * kFast) + fastEma;
            macd = fastEma - slowEma;
            sumSignal += macd;
        }
        double signalEma = sumSignal / signal;
        line[off + lb] = macd;
        sig[off + lb] = signalEma;
        hist[off + lb] = macd - signalEma;
        for (; i < end; i++) {
            slowEma = ((x[i] - slowEma) * kSlow) + slowEma;
            fastEma = ((x[i] - fastEma) * kFast) + fastEma;
            macd = fastEma - slowEma;
            signalEma = ((macd - signalEma) * kSignal) + signalEma;
            line[i] = macd;
            sig[i] = signalEma;
            hist[i] = macd - signalEma;
        }
    }
}
