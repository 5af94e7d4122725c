package org.hybridta.conformance;

import java.util.List;
import java.util.Random;
import org.hybridta.BarSeries;

/**
 * Seeded OHLC series that contain real candlestick patterns, for testing TA-Lib's {@code CDL*} functions (random
 * walks alone rarely make them): ordinary candles interleaved with planted shapes — dojis, long bodies, marubozu,
 * hammers, stars, engulfing pairs, inside bars, gaps, three-candle and five-candle formations ({@link #SHAPES}),
 * each drawn after TA-Lib's own conditions, at a random size, upwards or mirrored downwards, exactly as drawn or
 * with a little noise. Prices are whole cents, so equal opens, closes and extremes recur (TA-Lib grades some of
 * those ties differently). The same seed and length always give the same series, and a shorter series is a prefix
 * of a longer one with the same seed; bars are dated on consecutive weekdays like {@link RandomBars}.
 */
public final class CandleBars {
    /**
     * The planted shapes, candle by candle, as {@code open high low close} in units of about 1% of the price,
     * relative to the previous close; named after the pattern they are drawn for (a shape may make others too).
     */
    static final List<Shape> SHAPES = List.of(
            shape("two crows", "0 2.1 -.1 2; 3 3.1 2.4 2.5; 2.8 2.9 .9 1"),
            shape("three black crows", "0 1.2 -.1 1; 1.1 1.15 .1 .1; .5 .55 -.6 -.6; -.2 -.15 -1.3 -1.3"),
            shape("three inside", "0 2.1 -.1 2; 1 1.2 .9 1.1; 1 1.05 -.4 -.3"),
            shape("three-line strike", "0 1.1 -.1 1; .5 1.6 .4 1.5; 1 2.1 .9 2; 2.2 2.3 -.3 -.2"),
            shape("three outside", "1 1.1 -.1 0; -.2 1.4 -.3 1.3; 1.3 1.9 1.2 1.8"),
            shape("three stars in the south", "3 3.05 -1.5 1; 2 2.05 .2 1.2; .9 .9 .8 .8"),
            shape("three white soldiers", "0 1.5 -.1 1.5; .8 2.3 .7 2.3; 1.6 3.1 1.5 3.1"),
            shape("abandoned baby", "0 2.1 -.1 2; 2.6 2.7 2.5 2.6; 2.2 2.3 .9 1"),
            shape("advance block", "0 2.05 -.05 2; 1 3 .95 2.8; 2.5 3.6 2.45 2.9"),
            shape("belt-hold", "0 2.3 0 2"),
            shape("breakaway", "3 3.1 .9 1; .7 .8 .1 .2; .5 .6 -.1 0; .3 .4 -.4 -.3; -.3 .9 -.35 .85"),
            shape("closing marubozu", "0 2 -.3 2"),
            shape("concealing baby swallow", "4 4 3 3; 3 3 2 2; 1.8 2.3 1.2 1.3; 2.4 2.5 .9 1"),
            shape("counterattack", "2 2.1 -.1 0; -2 .1 -2.1 0"),
            shape("dark cloud cover", "0 2.1 -.1 2; 2.3 2.4 .6 .7"),
            shape("doji", "0 .6 -.5 0"),
            shape("doji star", "0 2.1 -.1 2; 2.3 2.5 2.1 2.3"),
            shape("dragonfly doji", "0 0 -1 0"),
            shape("engulfing", "1 1.1 -.1 0; -.1 1.3 -.2 1.2"),
            shape("engulfing from the close", "1 1.1 -.1 0; 0 1.3 -.1 1.2"),
            shape("evening doji star", "0 2.1 -.1 2; 2.4 2.5 2.3 2.4; 2.2 2.3 .9 1"),
            shape("evening star", "0 2.1 -.1 2; 2.4 2.6 2.3 2.5; 2.2 2.3 .9 1"),
            shape("up-gap side-by-side white lines", "0 1.1 -.1 1; 1.5 2.1 1.4 2; 1.5 2.15 1.45 2.05"),
            shape("down-gap side-by-side white lines", "1 1.1 -.1 0; -1 -.45 -1.1 -.5; -1 -.4 -1.05 -.45"),
            shape("gravestone doji", "0 1 0 0"),
            shape("hammer", "1.5 1.6 1 1.2; 1 1.1 0 1.1"),
            shape("hanging man", "0 1 -.1 .9; 1 1.1 0 1.1"),
            shape("harami", "0 2.1 -.1 2; 1 1.2 .9 1.1"),
            shape("harami at the close", "0 2.1 -.1 2; 1.9 2.05 1.8 2"),
            shape("harami cross", "0 2.1 -.1 2; 1 1.2 .9 1"),
            shape("high wave", "0 1 -1 .1"),
            shape("hikkake", "1 2 0 1.5; 1 1.6 .4 1.2; 1 1.4 .2 .5; 1.3 1.9 1.2 1.8"),
            shape("modified hikkake", "1.5 3 0 1.5; 2 2.6 .4 .45; 1.5 2 .8 1.2; 1.2 1.8 .6 1; 1.5 2.3 1.4 2.2"),
            shape("homing pigeon", "2 2.1 -.1 0; 1.1 1.2 .9 1"),
            shape("identical three crows", "3 3.1 2 2; 2 2.05 1 1; 1 1.05 0 0"),
            shape("in-neck", "2 2.1 -.2 0; -.5 .05 -.6 0"),
            shape("inverted hammer", "2 2.1 1.4 1.5; 1 2 1 1.1"),
            shape("kicking", "2 2 0 0; 2.5 4.5 2.5 4.5"),
            shape("ladder bottom", "4 4.1 2.9 3; 3.5 3.6 2.4 2.5; 3 3.1 1.9 2; 2.2 2.8 1.7 1.8; 2.3 3.1 2.2 3"),
            shape("long-legged doji", "0 1 -1 0"),
            shape("long line", "0 2.05 -.05 2"),
            shape("marubozu", "0 2 0 2"),
            shape("matching low", "2 2.1 .9 1; 1.8 1.9 .9 1"),
            shape("mat hold", "0 2.05 -.05 2; 2.6 2.7 2.4 2.5; 1.95 2 1.8 1.85; 1.85 1.9 1.7 1.75; 1.9 3 1.85 2.9"),
            shape("on-neck", "2 2.1 -.2 0; -.8 -.2 -.9 -.2"),
            shape("piercing", "2 2.1 -.1 0; -.3 1.5 -.4 1.4"),
            shape("rising three methods", "0 2.1 -.1 2; 1.8 1.85 1.65 1.7; 1.6 1.65 1.45 1.5; 1.4 1.45 1.25 1.3; 1.4 2.7 1.35 2.6"),
            shape("separating lines", "1 1.1 -.1 0; 1 3.1 1 3"),
            shape("shooting star", "0 1.1 -.1 1; 1.3 2.3 1.2 1.2"),
            shape("short line", "0 .12 -.02 .1"),
            shape("spinning top", "0 .5 -.4 .1"),
            shape("stalled pattern", "0 2.05 -.1 2; 1.5 3.5 1.4 3.5; 3.45 3.7 3.4 3.6"),
            shape("stick sandwich", "2 2.1 .95 1; 1.2 2.3 1.1 2.2; 2.3 2.4 .9 1"),
            shape("tasuki gap", "0 1.1 -.1 1; 1.5 2.1 1.4 2; 1.8 1.9 1.1 1.2"),
            shape("thrusting", "2 2.1 -.1 0; -.5 .7 -.6 .6"),
            shape("tristar", "0 .3 -.3 0; .5 .8 .2 .5; .2 .5 -.1 .2"),
            shape("unique three river", "2 2.1 -.1 0; 1 1.05 -.5 .5; -.2 -.05 -.3 -.1"),
            shape("upside gap two crows", "0 2.1 -.1 2; 2.6 2.7 2.4 2.5; 2.7 2.8 2.1 2.2"),
            shape("upside gap three methods", "0 1.1 -.1 1; 1.5 2.6 1.4 2.5; 2 2.1 .4 .5"));

    /** A named sequence of candles, {@code {open, high, low, close}} each, in units relative to the previous close. */
    record Shape(String name, double[][] candles) {}

    private CandleBars() {}

    /** {@code n} bars of ordinary candles and planted shapes, about one bar in two part of a shape. */
    public static BarSeries of(String symbol, long seed, int n) {
        Random r = new Random(seed);
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
        double prevClose = 100;
        int t = 0;
        while (t < n) {
            double unit = 0.01 * prevClose * (0.6 + r.nextDouble());
            if (r.nextInt(3) != 0) {
                // an ordinary candle: moves of about half a unit, mean-reverting towards 100
                double open = prevClose + unit * 0.2 * r.nextGaussian();
                double close = open + unit * (0.5 * r.nextGaussian() + 0.05 * StrictMath.log(100 / prevClose));
                double high = Math.max(open, close) + unit * 0.3 * Math.abs(r.nextGaussian());
                double low = Math.min(open, close) - unit * 0.3 * Math.abs(r.nextGaussian());
                prevClose = put(t++, open, high, low, close, o, h, l, c);
                continue;
            }
            Shape shape = SHAPES.get(r.nextInt(SHAPES.size()));
            double[][] candles = shape.candles();
            // mirrored (white and black swap, gaps up become gaps down) so as to end down about half the time,
            // more often when the price is above 100
            boolean endDown = r.nextDouble() < 0.5 + 0.5 * StrictMath.tanh(5 * StrictMath.log(prevClose / 100));
            boolean down = endDown == candles[candles.length - 1][3] > 0;
            double noise = r.nextInt(3) == 0 ? 0 : unit * 0.02, base = prevClose;
            for (int k = 0; k < candles.length && t < n; k++) {
                double[] q = candles[k];
                double open = q[0], high = q[1], low = q[2], close = q[3];
                if (down) {
                    open = -open;
                    close = -close;
                    high = -q[2];
                    low = -q[1];
                }
                prevClose = put(t++, base + unit * open + noise * r.nextGaussian(), base + unit * high + noise * r.nextGaussian(),
                        base + unit * low + noise * r.nextGaussian(), base + unit * close + noise * r.nextGaussian(), o, h, l, c);
            }
        }
        for (int i = 0; i < n; i++) v[i] = Math.rint(1e6 * StrictMath.exp(0.5 * r.nextGaussian()));
        return BarSeries.of(symbol, RandomBars.weekdays(n), o, h, l, c, null, v);
    }

    /** Stores one candle in whole cents, its high and low widened to hold its open and close; returns the close. */
    private static double put(int t, double open, double high, double low, double close, double[] o, double[] h, double[] l, double[] c) {
        o[t] = cents(open);
        c[t] = cents(close);
        h[t] = Math.max(cents(high), Math.max(o[t], c[t]));
        l[t] = Math.max(0.01, Math.min(cents(low), Math.min(o[t], c[t])));
        return c[t];
    }

    private static double cents(double x) {
        return Math.rint(x * 100) / 100;
    }

    private static Shape shape(String name, String candles) {
        String[] parts = candles.split(";");
        double[][] q = new double[parts.length][];
        for (int k = 0; k < parts.length; k++) {
            String[] f = parts[k].strip().split("\\s+");
            if (f.length != 4) throw new IllegalArgumentException(name + ": candle " + k + " needs open high low close");
            q[k] = new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])};
            if (q[k][1] < Math.max(q[k][0], q[k][3]) || q[k][2] > Math.min(q[k][0], q[k][3])) {
                throw new IllegalArgumentException(name + ": candle " + k + " has its open or close outside its range");
            }
        }
        return new Shape(name, q);
    }
}
