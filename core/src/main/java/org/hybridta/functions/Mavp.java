package org.hybridta.functions;

import static org.hybridta.functions.Declaration.MAX_PERIOD;
import static org.hybridta.functions.Declaration.function;

import java.util.Arrays;
import org.hybridta.Field;
import org.hybridta.indicator.Group;
import org.hybridta.indicator.MaType;

/**
 * TA-Lib's MAVP: at each bar, the moving average over the number of bars the {@code periods} input gives there
 * (truncated to an integer, then clamped to {@code [minperiod, maxperiod]}). TA-Lib computes one whole average per
 * distinct period, each started {@code lookback(period)} bars before the function's first value
 * ({@code lookback(maxperiod)}), and takes each bar's value from the average of its period; so does this, through
 * {@link MovingAverage}. The periods input has no natural field: the close unless the spec names one.
 */
final class Mavp extends FunctionDef {
    Mavp() {
        super(function("mavp", Group.OVERLAP_STUDIES, "Moving average with variable period")
                .overlap()
                .inputReal()
                .inputReal("periods", Field.CLOSE)
                .paramInt("minperiod", 2, 2, MAX_PERIOD)
                .paramInt("maxperiod", 30, 2, MAX_PERIOD)
                .paramMaType("matype", MaType.SMA)
                .output("real"));
    }

    @Override int lookback(Args a) { return MovingAverage.lookback(a.maType(2), a.integer(1)); }

    /**
     * A minimum above the maximum makes TA-Lib clamp short periods to the minimum, whose average starts after the
     * function's first bar: TA-Lib then reads that average's later (future) values, and past its end. Refused, as
     * are the averages {@link MovingAverage#refusal} refuses up to the maximum.
     */
    @Override String refusal(Args a) {
        if (a.integer(0) > a.integer(1)) {
            return "minperiod " + a.integer(0) + " above maxperiod " + a.integer(1) + ": TA-Lib would take averages of later bars; use minperiod <= maxperiod";
        }
        return MovingAverage.refusal(a.maType(2), a.integer(1), "maxperiod");
    }

    private void check(Args a) {
        String refused = refusal(a);
        if (refused != null) throw new IllegalArgumentException("mavp: " + refused);
    }

    /** C's {@code (int)} of a double as x86-64 computes it: NaN and values out of int range give {@code INT_MIN}. */
    static int cInt(double v) {
        return v >= -2147483648.0 && v < 2147483648.0 ? (int) v : Integer.MIN_VALUE;
    }

    /** The period TA-Lib uses for a value of the periods input. */
    private static int clamp(double period, int min, int max) {
        int p = cInt(period);
        if (p < min) return min;
        return p > max ? max : p;
    }

    @Override Step step(Args a) {
        check(a);
        State s = new State(a.integer(0), a.integer(1), a.maType(2));
        return (in, out) -> out[0] = s.next(in[0], in[1]);
    }

    @Override void batch(Args a, double[][] in, int off, int len, double[][] out) {
        check(a);
        int min = a.integer(0), max = a.integer(1), lookback = lookback(a);
        MaType type = a.maType(2);
        double[] o = out[0];
        if (!warmUp(out, off, len, lookback)) return;
        double[] x = Arrays.copyOfRange(in[0], off, off + len), average = new double[len];
        // each bar's period, a chain through the later bars of the same period (-1 ends it), each period's first
        // and last bars
        int[] period = new int[len], nextSame = new int[len], first = new int[max - min + 1], lastBar = new int[max - min + 1];
        Arrays.fill(first, -1);
        for (int t = len - 1; t >= lookback; t--) {
            int p = clamp(in[1][off + t], min, max);
            if (first[p - min] < 0) lastBar[p - min] = t;
            period[t] = p;
            nextSame[t] = first[p - min];
            first[p - min] = t;
        }
        // TA-Lib's loop: the first bar of each period computes that period's average (here only up to the period's
        // last bar) and serves every bar of it
        for (int t = lookback; t < len; t++) {
            int p = period[t];
            if (first[p - min] != t) continue;
            int start = lookback - MovingAverage.lookback(type, p);
            MovingAverage.batch(type, p, x, start, lastBar[p - min] + 1 - start, average);
            for (int u = t; u >= 0; u = nextSame[u]) o[off + u] = average[u];
        }
    }

    /**
     * The streaming form: one average per period met so far, each fed every bar from its start. A period first met
     * at a later bar is caught up from its start, so the state keeps the series. Its averages appear as periods are
     * met, so the state walker cannot follow it field by field: it copies, writes and reads itself (the series, the
     * periods met in order and each of their averages).
     */
    static final class State implements StateWalker.Custom {
        private final int min, max, lookback;
        private final MaType type;
        private final RealStep[] averages;           // by period - min, created when first met
        private final double[] values;               // their values at the last bar
        private final int[] met;                     // the periods met, in order
        private int metCount;
        private double[] history = new double[64];
        private int bars;

        State(int min, int max, MaType type) {
            this.min = min;
            this.max = max;
            this.type = type;
            this.lookback = MovingAverage.lookback(type, max);
            this.averages = new RealStep[max - min + 1];
            this.values = new double[max - min + 1];
            this.met = new int[max - min + 1];
        }

        double next(double x, double period) {
            if (bars == history.length) history = Arrays.copyOf(history, 2 * bars);
            history[bars] = x;
            int today = bars++;
            for (int k = 0; k < metCount; k++) {
                int i = met[k];
                values[i] = averages[i].next(x);
            }
            if (today < lookback) return Double.NaN;
            int i = clamp(period, min, max) - min;
            if (averages[i] == null) {
                RealStep average = MovingAverage.step(type, i + min);
                double v = Double.NaN;
                for (int t = lookback - MovingAverage.lookback(type, i + min); t <= today; t++) v = average.next(history[t]);
                averages[i] = average;
                values[i] = v;
                met[metCount++] = i;
            }
            return values[i];
        }

        @Override public void copyTo(StateWalker.Custom other, StateWalker walker) {
            State t = (State) other;
            for (int k = 0; k < t.metCount; k++) t.averages[t.met[k]] = null;
            t.metCount = metCount;
            System.arraycopy(met, 0, t.met, 0, metCount);
            System.arraycopy(values, 0, t.values, 0, values.length);
            for (int k = 0; k < metCount; k++) {
                int i = met[k];
                t.averages[i] = MovingAverage.step(type, i + min);
                walker.copy(averages[i], t.averages[i]);
            }
            if (t.history.length < bars) t.history = new double[history.length];
            System.arraycopy(history, 0, t.history, 0, bars);
            t.bars = bars;
        }

        @Override public void write(java.io.DataOutput out, StateWalker walker) throws java.io.IOException {
            out.writeInt(bars);
            for (int t = 0; t < bars; t++) out.writeLong(Double.doubleToRawLongBits(history[t]));
            out.writeInt(metCount);
            for (int k = 0; k < metCount; k++) {
                int i = met[k];
                out.writeInt(i);
                out.writeLong(Double.doubleToRawLongBits(values[i]));
                walker.write(averages[i], out);
            }
        }

        @Override public void read(java.nio.ByteBuffer in, StateWalker walker) {
            int n = in.getInt();
            if (n < 0 || 8L * n > in.remaining()) throw new IllegalArgumentException("mavp state is corrupt (" + n + " bars)");
            history = new double[Math.max(64, Integer.highestOneBit(Math.max(1, n)) << 1)];
            for (int t = 0; t < n; t++) history[t] = Double.longBitsToDouble(in.getLong());
            bars = n;
            int count = in.getInt();
            if (count < 0 || count > met.length) throw new IllegalArgumentException("mavp state is corrupt (" + count + " periods)");
            for (int k = 0; k < metCount; k++) averages[met[k]] = null;
            metCount = 0;
            for (int k = 0; k < count; k++) {
                int i = in.getInt();
                if (i < 0 || i >= averages.length || averages[i] != null) throw new IllegalArgumentException("mavp state is corrupt (period index " + i + ")");
                values[i] = Double.longBitsToDouble(in.getLong());
                averages[i] = MovingAverage.step(type, i + min);
                walker.read(averages[i], in);
                met[metCount++] = i;
            }
        }
    }
}
