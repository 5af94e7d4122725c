package org.hybridta.stream;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.hybridta.functions.Functions;
import org.hybridta.functions.IndicatorStep;
import org.hybridta.indicator.CandleSettings;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.indicator.Output;

/**
 * One series, one or several indicators, updated one bar at a time: each {@link #update} commits a closed bar in
 * O(1) amortised time per indicator and gives that bar's outputs, the values the batch kernels give for the same bar
 * of the whole series, bit for bit ({@code NaN} before each output's lookback; integer outputs such as pattern
 * signals as whole numbers).
 *
 * <pre>{@code
 * IndicatorStream s = IndicatorStream.warm(Indicators.parseList("rsi:14,macd"), history);   // seeded from past bars
 * double[] v = s.update(Bar.of(open, high, low, close, volume));   // columns as outputs(): rsi_14, macd_12_26_9_macd, ...
 * double[] intrabar = s.peek(forming);                              // the values if the forming bar closed now
 * byte[] saved = s.snapshot().bytes();                              // ... restart ...
 * IndicatorStream again = IndicatorStream.from(StreamSnapshot.of(saved));
 * }</pre>
 *
 * <p>The output columns are those of {@link Indicator#outputs()}, spec after spec ({@link #outputs()}). Candlestick
 * patterns use the {@link CandleSettings} current when the stream was made, for its whole life. A peek costs a
 * copy of the state (proportional to the indicators' windows) plus an update; it never changes later values. Not
 * thread-safe: one stream per series, used by one thread at a time.
 */
public final class IndicatorStream {
    private static final Field[] FIELDS = Field.values();

    private final List<Indicator> indicators;
    private final CandleSettings settings;         // the patterns' (current when the stream was made), for every step it makes
    private final List<Output> outputs;
    private final IndicatorStep[] steps;
    private IndicatorStep[] shadows;               // the peeks' scratch copies, made on the first peek
    private final int[][] fieldIndex;              // per indicator, the Field ordinal of each input
    private final double[][] in, out;              // per indicator, reused
    private final double[] fields = new double[FIELDS.length];
    private final double[] last;
    private long bars;

    private IndicatorStream(List<Indicator> indicators) {
        if (indicators.isEmpty()) throw new IllegalArgumentException("a stream needs at least one indicator");
        this.indicators = List.copyOf(indicators);
        this.settings = CandleSettings.current();
        int n = this.indicators.size();
        steps = new IndicatorStep[n];
        fieldIndex = new int[n][];
        in = new double[n][];
        out = new double[n][];
        List<Output> outs = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Indicator i = this.indicators.get(k);
            steps[k] = Functions.step(i, settings);
            fieldIndex[k] = i.inputFields().stream().mapToInt(Field::ordinal).toArray();
            in[k] = new double[fieldIndex[k].length];
            out[k] = new double[i.outputs().size()];
            outs.addAll(i.outputs());
        }
        outputs = List.copyOf(outs);
        last = new double[outputs.size()];
        Arrays.fill(last, Double.NaN);
    }

    /** A fresh stream of these indicators (no bar yet). */
    public static IndicatorStream of(List<Indicator> indicators) {
        return new IndicatorStream(Objects.requireNonNull(indicators, "indicators"));
    }

    /** A fresh stream of these indicators (no bar yet). */
    public static IndicatorStream of(Indicator... indicators) {
        return of(List.of(indicators));
    }

    /** A fresh stream of the specs in text form, comma-separated ({@code "rsi:14,macd,cdlengulfing"}). */
    public static IndicatorStream of(String specs) {
        return of(Indicators.parseList(specs));
    }

    /**
     * A stream seeded with {@code history}: as if every bar of it had been {@linkplain #update updated} in order.
     * Continue with the bar after the history's last.
     */
    public static IndicatorStream warm(List<Indicator> indicators, BarSeries history) {
        IndicatorStream s = of(indicators);
        s.updateAll(history);
        return s;
    }

    /**
     * A stream in the state a snapshot holds.
     *
     * @throws IllegalArgumentException if the snapshot names specs this HybridTA cannot parse or holds a state it cannot read
     */
    public static IndicatorStream from(StreamSnapshot snapshot) {
        List<Indicator> specs = new ArrayList<>();
        for (String spec : snapshot.specs()) specs.add(Indicators.parse(spec));
        IndicatorStream s = of(specs);
        s.restore(snapshot);
        return s;
    }

    /** Updates every bar of {@code history}, in order (a warm start of a stream that may already hold bars). */
    public void updateAll(BarSeries history) {
        double[][] columns = new double[FIELDS.length][];
        for (Field f : FIELDS) columns[f.ordinal()] = history.values(f);
        for (int t = 0, n = history.size(); t < n; t++) {
            for (int f = 0; f < FIELDS.length; f++) fields[f] = columns[f][t];
            advance(steps, last);
        }
    }

    /** The indicators, in order. */
    public List<Indicator> indicators() { return indicators; }

    /** The output columns, indicator after indicator, each indicator's in TA-Lib's order. */
    public List<Output> outputs() { return outputs; }

    /** The number of output columns. */
    public int width() { return last.length; }

    /** How many bars were committed. */
    public long bars() { return bars; }

    /** Commits a closed bar and returns its values (a new array, in the order of {@link #outputs()}). */
    public double[] update(Bar bar) {
        double[] values = new double[width()];
        update(bar, values);
        return values;
    }

    /** Commits a closed bar and writes its values into {@code values[0, width())}. */
    public void update(Bar bar, double[] values) {
        set(bar);
        advance(steps, values);
        System.arraycopy(values, 0, last, 0, last.length);
    }

    /** Commits a closed bar whose adjusted close is its close, and returns its values (a new array). */
    public double[] update(double open, double high, double low, double close, double volume) {
        double[] values = new double[width()];
        update(open, high, low, close, close, volume, values);
        return values;
    }

    /** Commits a closed bar and writes its values into {@code values[0, width())}: no allocation. */
    public void update(double open, double high, double low, double close, double adjClose, double volume, double[] values) {
        set(open, high, low, close, adjClose, volume);
        advance(steps, values);
        System.arraycopy(values, 0, last, 0, last.length);
    }

    /** The values of the last committed bar ({@code NaN} before the first); a copy. */
    public double[] last() { return last.clone(); }

    /**
     * The values {@code bar} would have if it closed now, without committing it (intrabar updates): the next
     * {@link #update} continues from the last committed bar. Returns a new array.
     */
    public double[] peek(Bar bar) {
        double[] values = new double[width()];
        peek(bar, values);
        return values;
    }

    /** Like {@link #peek(Bar)}, into {@code values[0, width())}. */
    public void peek(Bar bar, double[] values) {
        if (shadows == null) {
            shadows = new IndicatorStep[steps.length];
            for (int k = 0; k < steps.length; k++) shadows[k] = Functions.step(indicators.get(k), settings);
        }
        for (int k = 0; k < steps.length; k++) shadows[k].copyFrom(steps[k]);
        set(bar);
        long committed = bars;
        advance(shadows, values);
        bars = committed;
    }

    /** The state now, to restore later (possibly in another process, by the same version of HybridTA or a compatible one). */
    public StreamSnapshot snapshot() {
        List<StreamSnapshot.Entry> entries = new ArrayList<>(steps.length);
        try {
            for (IndicatorStep step : steps) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream data = new DataOutputStream(bytes);
                step.writeState(data);
                data.flush();
                entries.add(new StreamSnapshot.Entry(step.indicator().spec(), step.shape(), bytes.toByteArray()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return StreamSnapshot.of(entries, bars, last);
    }

    /**
     * Sets this stream to the state of {@code snapshot}, which must be of the same specs in the same order. On an
     * error the stream is unchanged.
     *
     * @throws IllegalArgumentException if the specs differ or a state does not fit (a snapshot of another HybridTA
     *                                  version, or of patterns under other candle settings)
     */
    public void restore(StreamSnapshot snapshot) {
        List<String> specs = snapshot.specs(), ours = indicators.stream().map(Indicator::spec).toList();
        if (!specs.equals(ours)) throw new IllegalArgumentException("the snapshot is of " + specs + ", this stream of " + ours);
        List<StreamSnapshot.Entry> entries = snapshot.entries();
        IndicatorStep[] restored = new IndicatorStep[steps.length];
        for (int k = 0; k < steps.length; k++) {
            StreamSnapshot.Entry e = entries.get(k);
            IndicatorStep step = Functions.step(indicators.get(k), settings);
            if (step.shape() != e.shape()) {
                throw new IllegalArgumentException("the snapshot's state of " + e.spec() + " was written by another version of HybridTA (its layout differs)");
            }
            ByteBuffer state = ByteBuffer.wrap(e.state());
            try {
                step.readState(state);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("the snapshot's state of " + e.spec() + " cannot be read: " + ex.getMessage(), ex);
            }
            if (state.hasRemaining()) throw new IllegalArgumentException("the snapshot's state of " + e.spec() + " has " + state.remaining() + " bytes too many");
            restored[k] = step;
        }
        double[] values = snapshot.last();
        if (values.length != last.length) throw new IllegalArgumentException("the snapshot holds " + values.length + " values per bar, this stream " + last.length);
        System.arraycopy(restored, 0, steps, 0, steps.length);
        System.arraycopy(values, 0, last, 0, last.length);
        bars = snapshot.bars();
    }

    private void set(Bar bar) {
        set(bar.open(), bar.high(), bar.low(), bar.close(), bar.adjClose(), bar.volume());
    }

    private void set(double open, double high, double low, double close, double adjClose, double volume) {
        fields[Field.OPEN.ordinal()] = open;
        fields[Field.HIGH.ordinal()] = high;
        fields[Field.LOW.ordinal()] = low;
        fields[Field.CLOSE.ordinal()] = close;
        fields[Field.ADJ_CLOSE.ordinal()] = adjClose;
        fields[Field.VOLUME.ordinal()] = volume;
    }

    /** Feeds the bar in {@code fields} to {@code through}, writing every output into {@code values}. */
    private void advance(IndicatorStep[] through, double[] values) {
        if (values.length < last.length) throw new IllegalArgumentException("values has room for " + values.length + " outputs, the stream has " + last.length);
        int column = 0;
        for (int k = 0; k < through.length; k++) {
            int[] fi = fieldIndex[k];
            double[] x = in[k], y = out[k];
            for (int j = 0; j < fi.length; j++) x[j] = fields[fi[j]];
            through[k].update(x, y);
            System.arraycopy(y, 0, values, column, y.length);
            column += y.length;
        }
        bars++;
    }

    @Override public String toString() {
        return "IndicatorStream" + indicators + " after " + bars + " bars";
    }
}
