package org.hybridta.functions;

import static org.hybridta.functions.Declaration.MAX_PERIOD;
import static org.hybridta.functions.Declaration.function;

import java.util.Arrays;
import org.hybridta.Field;
import org.hybridta.indicator.Group;

/**
 * TA-Lib's ULTOSC: for the shortest, middle and longest of the three periods (TA-Lib sorts them), the sum of
 * {@code close - true low} over the sum of the true range ({@link Trange#trueRange}) of the last {@code period}
 * bars, weighted 4, 2 and 1 (a window whose range sum is zero adds nothing), times {@code 100 / 7}. Bar 0 has no
 * previous close and counts in no window.
 */
final class UltOsc extends FunctionDef {
    UltOsc() {
        super(function("ultosc", Group.MOMENTUM_INDICATORS, "Ultimate Oscillator")
                .inputPrice(Field.HIGH, Field.LOW, Field.CLOSE)
                .paramInt("timeperiod1", 7, 1, MAX_PERIOD)
                .paramInt("timeperiod2", 14, 1, MAX_PERIOD)
                .paramInt("timeperiod3", 28, 1, MAX_PERIOD)
                .output("real"));
    }

    /** The periods, shortest first. */
    private static int[] sorted(Args a) {
        int[] p = {a.integer(0), a.integer(1), a.integer(2)};
        Arrays.sort(p);
        return p;
    }

    @Override int lookback(Args a) { return sorted(a)[2]; }

    /** The streaming ULTOSC, also the batch kernel's loop body: running sums over a ring of the longest window. */
    static final class State {
        private final int p1, p2, p3;
        private final double[] ring;             // close - true low and true range of the last p3 bars, pairs
        private int today = -1, pos, first1, first2, first3;   // slots of the bar now and of each window's first
        private double prevClose, a1, a2, a3, b1, b2, b3;

        State(int shortest, int middle, int longest) {
            p1 = shortest;
            p2 = middle;
            p3 = longest;
            ring = new double[2 * longest];
            // bar t is at slot (t - 1) mod p3; at the first value, bar p3, a window of p bars starts at bar p3 - p + 1
            first1 = 2 * ((p3 - p1) % p3);
            first2 = 2 * ((p3 - p2) % p3);
        }

        double next(double high, double low, double close) {
            int t = ++today;
            if (t == 0) {
                prevClose = close;
                return Double.NaN;
            }
            double a = buyingPressure(low, close, prevClose), b = Trange.trueRange(high, low, prevClose);
            prevClose = close;
            ring[pos] = a;
            ring[pos + 1] = b;
            pos = next(pos);
            // each window's sum starts at the bar TA-Lib's starts at: p3 - p + 1
            if (t > p3 - p1) {
                a1 += a;
                b1 += b;
            }
            if (t > p3 - p2) {
                a2 += a;
                b2 += b;
            }
            a3 += a;
            b3 += b;
            if (t < p3) return Double.NaN;
            double output = 0.0;
            if (!isZero(b1)) output += 4.0 * (a1 / b1);
            if (!isZero(b2)) output += 2.0 * (a2 / b2);
            if (!isZero(b3)) output += a3 / b3;
            a1 -= ring[first1];
            b1 -= ring[first1 + 1];
            a2 -= ring[first2];
            b2 -= ring[first2 + 1];
            a3 -= ring[first3];
            b3 -= ring[first3 + 1];
            first1 = next(first1);
            first2 = next(first2);
            first3 = next(first3);
            return 100.0 * (output / 7.0);
        }

        private int next(int slot) {
            return slot + 2 == ring.length ? 0 : slot + 2;
        }
    }

    private static State state(Args a) {
        int[] p = sorted(a);
        return new State(p[0], p[1], p[2]);
    }

    @Override Step step(Args a) {
        State s = state(a);
        return (in, out) -> out[0] = s.next(in[0], in[1], in[2]);
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        int[] p = sorted(a);
        int p1 = p[0], p2 = p[1], p3 = p[2];
        double[] high = in[0], low = in[1], close = in[2], o = out[0];
        if (!warmUp(out, off, len, p3)) return;
        // State's sums and order, with each bar's two terms computed once (TA-Lib computes a leaving bar's again,
        // and its true range's comparisons are branches the JIT cannot make branch-free for doubles) and kept in
        // rings indexed by mask, the warm-up out of the main loop
        int mask = Integer.highestOneBit(p3) * 2 - 1;            // ring size a power of two above p3
        double[] ringA = new double[mask + 1], ringB = new double[mask + 1];
        double a1 = 0, a2 = 0, a3 = 0, b1 = 0, b2 = 0, b3 = 0;
        for (int t = off + 1, last = off + p3 - 1; t <= last; t++) {
            double bp = buyingPressure(low[t], close[t], close[t - 1]), tr = Trange.trueRange(high[t], low[t], close[t - 1]);
            ringA[t & mask] = bp;
            ringB[t & mask] = tr;
            if (t - off > p3 - p1) {
                a1 += bp;
                b1 += tr;
            }
            if (t - off > p3 - p2) {
                a2 += bp;
                b2 += tr;
            }
            a3 += bp;
            b3 += tr;
        }
        for (int t = off + p3, end = off + len; t < end; t++) {
            double bp = buyingPressure(low[t], close[t], close[t - 1]), tr = Trange.trueRange(high[t], low[t], close[t - 1]);
            ringA[t & mask] = bp;
            ringB[t & mask] = tr;
            a1 += bp;
            b1 += tr;
            a2 += bp;
            b2 += tr;
            a3 += bp;
            b3 += tr;
            double output = 0.0;
            if (!isZero(b1)) output += 4.0 * (a1 / b1);
            if (!isZero(b2)) output += 2.0 * (a2 / b2);
            if (!isZero(b3)) output += a3 / b3;
            o[t] = 100.0 * (output / 7.0);
            int u1 = (t - p1 + 1) & mask, u2 = (t - p2 + 1) & mask, u3 = (t - p3 + 1) & mask;
            a1 -= ringA[u1];
            b1 -= ringB[u1];
            a2 -= ringA[u2];
            b2 -= ringB[u2];
            a3 -= ringA[u3];
            b3 -= ringB[u3];
        }
    }

    /** Close minus the true low (the lower of the low and the previous close). */
    private static double buyingPressure(double low, double close, double prevClose) {
        return close - (low < prevClose ? low : prevClose);
    }
}
