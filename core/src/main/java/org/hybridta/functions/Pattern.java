package org.hybridta.functions;

import static org.hybridta.functions.Declaration.function;

import java.util.ArrayList;
import java.util.List;
import org.hybridta.Field;
import org.hybridta.indicator.CandleSettings;
import org.hybridta.indicator.Group;

/**
 * The home shared by TA-Lib's 61 candlestick patterns ({@code CDL*}): their declaration (open, high, low, close
 * in; one integer out, +-100 bullish or bearish, +-80 or +-200 where TA-Lib grades it, 0 none), and the batch and
 * streaming drivers of a pattern's {@link Detector}. A pattern supplies its TA-Lib lookback under the
 * {@link CandleSettings} and its detector: the running {@link CandleAverage}s it compares with and the test of one
 * bar, a transcription of {@code ta_CDL<NAME>.c}'s loop body.
 *
 * <p>Both drivers run TA-Lib's loop: the averages start at the first bar with a value (TA-Lib's {@code startIdx}
 * when called from bar 0), the detector runs on each bar, then every average rolls. Settings are read once per
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

    /** A new detector for one series under {@code settings}. */
    abstract Detector detector(CandleSettings settings, Args args);

    /**
     * Bars before the lookback on which TA-Lib already runs the detector without writing its result: the hikkakes
     * track a pending pattern from 3 bars earlier. 0 for the others.
     */
    int primingBars() { return 0; }

    @Override final int lookback(Args args) { return lookback(CandleSettings.current()); }

    @Override final void batch(Args args, double[][] in, int off, int len, double[][] out) {
        CandleSettings settings = CandleSettings.current();
        int lookback = lookback(settings);
        if (!warmUp(out, off, len, lookback)) return;
        Candles candles = new Candles(in[0], in[1], in[2], in[3]);
        Detector d = detector(settings, args);
        int first = off + lookback - primingBars(), from = off + lookback;
        double[] o = out[0];
        d.start(candles, first);
        for (int i = first, end = off + len; i < end; i++) {
            int signal = d.at(candles, i);
            d.roll(candles, i);
            if (i >= from) o[i] = signal;
        }
    }

    @Override final Step step(Args args) {
        CandleSettings settings = CandleSettings.current();
        int lookback = lookback(settings);
        return new Stream(detector(settings, args), lookback, lookback - primingBars());
    }

    /**
     * The state of one pattern on one series: the averages it compares with (created through {@link #average},
     * which the drivers start and roll) and the test of one bar.
     */
    abstract static class Detector {
        private final CandleSettings settings;
        private final List<CandleAverage> averages = new ArrayList<>();
        private CandleAverage[] rolled;

        Detector(CandleSettings settings) {
            this.settings = settings;
        }

        /** The running average of {@code setting} for the candle {@code offset} bars before the current one. */
        final CandleAverage average(CandleSettings.Setting setting, int offset) {
            CandleAverage a = new CandleAverage(settings.rule(setting), offset);
            averages.add(a);
            return a;
        }

        /** TA-Lib's signal at bar {@code i} (the pattern's last candle), the averages as TA-Lib has them there. */
        abstract int at(Candles c, int i);

        final void start(Candles c, int first) {
            rolled = averages.toArray(new CandleAverage[0]);
            for (CandleAverage a : rolled) a.start(c, first);
        }

        final void roll(Candles c, int i) {
            for (CandleAverage a : rolled) a.roll(c, i);
        }
    }

    /**
     * The streaming form: the last bars in a buffer that is compacted when full (amortised O(1) per bar), the
     * detector run on it exactly as the batch runs it on the whole series.
     */
    private static final class Stream implements Step {
        private final Detector detector;
        private final int lookback, first;
        private final Candles candles;
        private int size, bar;

        Stream(Detector detector, int lookback, int first) {
            this.detector = detector;
            this.lookback = lookback;
            this.first = first;
            int capacity = Math.max(64, 2 * (lookback + 1));
            candles = new Candles(new double[capacity], new double[capacity], new double[capacity], new double[capacity]);
        }

        @Override public void update(double[] in, double[] out) {
            if (size == candles.open.length) compact();
            int i = size++;
            candles.open[i] = in[0];
            candles.high[i] = in[1];
            candles.low[i] = in[2];
            candles.close[i] = in[3];
            int n = bar++;
            if (n < first) {
                out[0] = Double.NaN;
                return;
            }
            if (n == first) detector.start(candles, i);
            int signal = detector.at(candles, i);
            detector.roll(candles, i);
            out[0] = n >= lookback ? signal : Double.NaN;
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
