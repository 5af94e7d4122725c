package org.hybridta.functions;

/** TA-Lib's ROCR: {@code x / x[t - period]}, 0 where the earlier value is 0. */
final class Rocr extends RateOfChangeFunction {
    Rocr() { super("rocr", "Rate of change ratio: (price/prevPrice)"); }

    static double rate(double now, double then) {
        return then != 0.0 ? now / then : 0.0;
    }

    @Override double value(double now, double then) { return rate(now, then); }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int period = a.integer(0);
        if (!warmUp(out, off, len, period)) return;
        double[] x = in[0], o = out[0];
        for (int i = off + period, end = off + len; i < end; i++) o[i] = rate(x[i], x[i - period]);
    }
}
