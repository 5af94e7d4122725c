package org.hybridta.functions;

/** TA-Lib's ROCP: {@code (x - x[t - period]) / x[t - period]}, 0 where the earlier value is 0. */
final class Rocp extends RateOfChangeFunction {
    Rocp() { super("rocp", "Rate of change Percentage: (price-prevPrice)/prevPrice"); }

    static double rate(double now, double then) {
        return then != 0.0 ? (now - then) / then : 0.0;
    }

    @Override double value(double now, double then) { return rate(now, then); }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int period = a.integer(0);
        if (!warmUp(out, off, len, period)) return;
        double[] x = in[0], o = out[0];
        for (int i = off + period, end = off + len; i < end; i++) o[i] = rate(x[i], x[i - period]);
    }
}
