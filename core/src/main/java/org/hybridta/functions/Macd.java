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

    /**
     * The EMAs of a MACD: the fast and slow periods ({@code fast <= slow}) and factors, and the signal period;
     * MACD's factors are {@code 2 / (period + 1)}, MACDFIX's fixed.
     */
    record Emas(int fast, int slow, double kFast, double kSlow, int signal) {
        int lookback() { return (slow - 1) + (signal - 1); }
    }

    private static Emas emas(Args a) {
        int fast = Math.min(a.integer(0), a.integer(1)), slow = Math.max(a.integer(0), a.integer(1));
        return new Emas(fast, slow, MovingAverage.emaFactor(fast), MovingAverage.emaFactor(slow), a.integer(2));
    }

    /** The refusal of a signal period of 1, which TA-Lib's range allows but its EMA does not (MACD, MACDFIX). */
    static String signalRefusal(String function, int signal) {
        return signal < 2 ? "signalperiod must be at least 2 (TA-Lib C's " + function + " fails on 1, though its range starts at 1)" : null;
    }

    @Override String refusal(Args a) { return signalRefusal("MACD", a.integer(2)); }

    @Override int lookback(Args a) { return emas(a).lookback(); }

    @Override Step step(Args a) { return step(emas(a)); }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) { batch(emas(a), in[0], off, len, out); }

    static Step step(Emas e) {
        int fast = e.fast(), slow = e.slow();
        MovingAverage.EmaStep slowEma = new MovingAverage.EmaStep(slow, e.kSlow()), fastEma = new MovingAverage.EmaStep(fast, e.kFast());
        MovingAverage.EmaStep signal = new MovingAverage.EmaStep(e.signal());
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

    static void batch(Emas e, double[] x, int off, int len, double[][] out) {
        int fast = e.fast(), slow = e.slow(), signal = e.signal();
        int lb = e.lookback();
        if (!warmUp(out, off, len, lb)) return;
        double[] line = out[0], sig = out[1], hist = out[2];
        double kSlow = e.kSlow(), kFast = e.kFast(), kSignal = MovingAverage.emaFactor(signal);
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
