package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import java.util.Arrays;
import org.hybridta.Field;
import org.hybridta.indicator.CandleSettings;
import org.hybridta.indicator.Group;

/**
 * The home shared by TA-Lib's 61 candlestick patterns ({@code CDL*}): their declaration (open, high, low, close
 * in; one integer out, ±100 bullish or bearish, ±80 or ±200 where TA-Lib grades it, 0 none), and the batch and
 * streaming drivers of a pattern's {@link Detector}. A pattern supplies its TA-Lib lookback under the
 * {@link CandleSettings} and its detector: the running {@link CandleAverage}s it compares with and its loop, a
 * transcription of {@code ta_CDL<NAME>.c}'s.
 *
 * <p>Both drivers run TA-Lib's loop: the averages start at the first bar with a value (TA-Lib's {@code startIdx}
 * when called from bar 0), then each bar's signal is tested and every average rolls. Settings are read once per
 * batch call or streaming state.
 */
abstract class Pattern extends FunctionDef {

    /** A pattern without parameters. */
    Pattern(String name, String description) {
        super(declaration(name, description));
    }

    /** A pattern with TA-Lib's {@code optInPenetration} (a fraction of the first candle's body), default {@code penetration}. */
    Pattern(String name, String description, double penetration) {
        super(declaration(name, description).paramReal("penetration", penetration, 0, Declaration.REAL_MAX));
    }

    private static Declaration declaration(String name, String description) {
        return function(name, Group.PATTERN_RECOGNITION, description)
                .inputPrice(Field.OPEN, Field.HIGH, Field.LOW, Field.CLOSE)
                .outputInt("integer");
    }

    /** {@code TA_CDL<NAME>_Lookback} under {@code settings}. */
    abstract int lookback(CandleSettings settings);

    /** Bars per chunk of a batch: the chunk's signals stay in the first-level cache until they are copied out. */
    private static final int CHUNK = 2048;

    /** A new detector for one series under {@code settings}. */
    abstract Detector detector(CandleSettings settings, Args args);

    /**
     * Bars before the lookback on which TA-Lib already runs the detector without writing its result: the hikkakes
     * track a pending pattern from 3 bars earlier. 0 for the others.
     */
    int primingBars() { return 0; }

    @Override final int lookback(Args args) { return lookback(CandleSettings.current()); }

    /**
     * The pattern's loop writing TA-Lib's ints straight into {@code out[0]}, as TA-Lib's {@code outInteger}: no
     * conversion, and an {@code int[]} store cannot alias the {@code double[]} inputs, so the JIT keeps them in
     * registers across it.
     */
    @Override final void batchInt(Args args, double[][] in, int off, int len, int[][] out) {
        CandleSettings settings = CandleSettings.current();
        int lookback = lookback(settings), end = off + len;
        int[] o = out[0];
        if (len > lookback) {
            Candles candles = new Candles(in[0], in[1], in[2], in[3]);
            int first = off + lookback - primingBars();
            started(settings, args, candles, first).scan(candles, first, end, o, 0);
        }
        warmUp(out, off, len, lookback);        // over the priming bars' signals too
    }

    /**
     * The same loop into doubles: it writes ints into a small buffer, converted and copied out after each chunk. A
     * store into a {@code double[]} inside the loop could be a store into an input (all are {@code double[]}), so
     * the JIT would reload the inputs after each one.
     */
    @Override final void batch(Args args, double[][] in, int off, int len, double[][] out) {
        CandleSettings settings = CandleSettings.current();
        int lookback = lookback(settings), end = off + len;
        if (len > lookback) {
            Candles candles = new Candles(in[0], in[1], in[2], in[3]);
            int first = off + lookback - primingBars();
            Detector d = started(settings, args, candles, first);
            int[] signals = new int[Math.min(CHUNK, end - first)];
            double[] o = out[0];
            for (int from = first; from < end; from += CHUNK) {
                int to = Math.min(end, from + CHUNK), m = to - from;
                d.scan(candles, from, to, signals, from);
                // converted straight into the output: through a double[] chunk and System.arraycopy it took 3x as long
                for (int k = 0; k < m; k++) o[from + k] = signals[k];
            }
        }
        warmUp(out, off, len, lookback);        // over the priming bars' signals too
    }

    /** A new detector whose averages are summed for TA-Lib's loop from bar {@code first}. */
    private Detector started(CandleSettings settings, Args args, Candles candles, int first) {
        Detector d = detector(settings, args);
        d.start(candles, first);
        return d;
    }

    @Override final Step step(Args args) {
        return step(args, CandleSettings.current());
    }

    @Override final Step step(Args args, CandleSettings settings) {
        int lookback = lookback(settings);
        return new Stream(detector(settings, args), lookback, lookback - primingBars());
    }

    /**
     * The state of one pattern on one series: the averages it compares with (created through {@link #average}) and
     * its loop, TA-Lib's, over a range of bars: the batch runs it over the whole series, the streaming step over
     * one bar at a time. The loop lives in each pattern, not here, so that each pattern's test is compiled into its
     * own loop (one shared loop would call 61 detectors through one virtual call per bar), and it rolls each of its
     * averages by name, as TA-Lib does (a loop over a list of them is markedly slower).
     */
    abstract static class Detector {
        private final CandleSettings settings;
        private CandleAverage[] averages = new CandleAverage[0];     // an array, not a list: the state walker follows arrays

        Detector(CandleSettings settings) {
            this.settings = settings;
        }

        /** The running average of {@code setting} for the candle {@code offset} bars before the current one. */
        final CandleAverage average(CandleSettings.Setting setting, int offset) {
            CandleAverage a = CandleAverage.of(settings.rule(setting), offset);
            averages = Arrays.copyOf(averages, averages.length + 1);
            averages[averages.length - 1] = a;
            return a;
        }

        /**
         * TA-Lib's loop over bars {@code [from, end)}: writes each bar's signal to {@code out[i - base]} (with the
         * averages as TA-Lib has them at that bar), then rolls every average. Called for consecutive ranges of one
         * series. The signals are ints, as TA-Lib's: see {@link Pattern#batchInt}.
         */
        abstract void scan(Candles c, int from, int end, int[] out, int base);

        /** Sums every average's initial period; TA-Lib's loop then starts at bar {@code first}. */
        final void start(Candles c, int first) {
            for (CandleAverage a : averages) a.start(c, first);
        }
    }

    /**
     * The streaming form: the last bars in a buffer that is compacted when full (amortised O(1) per bar), the
     * detector's loop run on each new bar exactly as the batch runs it on the whole series.
     */
    private static final class Stream implements Step {
        private final Detector detector;
        private final int lookback, first;
        private final Candles candles;
        private final int[] signals;
        private int size;
        private long bar;

        Stream(Detector detector, int lookback, int first) {
            this.detector = detector;
            this.lookback = lookback;
            this.first = first;
            int capacity = Math.max(64, 2 * (lookback + 1));
            candles = new Candles(new double[capacity], new double[capacity], new double[capacity], new double[capacity]);
            signals = new int[capacity];
        }

        @Override public void update(double[] in, double[] out) {
            if (size == signals.length) compact();
            int i = size++;
            candles.open[i] = in[0];
            candles.high[i] = in[1];
            candles.low[i] = in[2];
            candles.close[i] = in[3];
            long n = bar++;
            if (n >= first) {
                if (n == first) detector.start(candles, i);
                detector.scan(candles, i, i + 1, signals, 0);
            }
            out[0] = n >= lookback ? signals[i] : Double.NaN;
        }

        /** Keeps the last {@code lookback} bars, all the next bar can reach back to. */
        private void compact() {
            int from = size - lookback;
            System.arraycopy(candles.open, from, candles.open, 0, lookback);
            System.arraycopy(candles.high, from, candles.high, 0, lookback);
            System.arraycopy(candles.low, from, candles.low, 0, lookback);
            System.arraycopy(candles.close, from, candles.close, 0, lookback);
            size = lookback;
        }
    }
}
