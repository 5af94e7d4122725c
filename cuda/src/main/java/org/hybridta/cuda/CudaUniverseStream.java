package org.hybridta.cuda;

import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Output;
import org.hybridta.stream.Tick;
import org.hybridta.stream.TickValues;
import org.hybridta.stream.UniverseSnapshot;
import org.hybridta.stream.UniverseSpec;
import org.hybridta.stream.UniverseStream;

/**
 * The GPU universe stream: the state of every (symbol, spec) pair stays on the device ({@link StreamDevice}); a tick
 * copies the fields the specs read (one array per field, by symbol) into pinned memory, then one upload, one launch of
 * {@code stream_step} and one download bring every symbol's values back, the CPU's bits (stream.cu repeats the CPU's
 * steps). A warm start runs the history in chunks of bars, one launch each; a peek is a launch that stores no state.
 */
final class CudaUniverseStream implements UniverseStream {
    /** Doubles of input staging a warm start may use (a chunk of history bars); a tick needs one bar. */
    static final long WARM_STAGING = 1L << 22;

    private final String backend, format;
    private final List<String> symbols;
    private final List<Indicator> indicators;
    private final List<Output> outputs;
    private final StreamDevice device;
    private final Field[] fields;                   // the fields uploaded, in slot order (the close among them)
    private final TickValues values;
    private final double[][] columns;
    private final int n;
    private long ticks;
    private boolean closed;

    /**
     * Opens the stream on {@code device}, which it owns from then on (closed with it, or here on a failure).
     *
     * @param format what the state's layout is tied to (the kernels' source hash), for snapshots
     * @throws IllegalArgumentException naming the specs stream.cu has no step for
     */
    CudaUniverseStream(String backend, String format, UniverseSpec spec, StreamDevice device) {
        try {
            this.backend = backend;
            this.format = format;
            this.device = device;
            symbols = spec.symbols();
            indicators = spec.indicators();
            n = symbols.size();
            requireSupported(backend, indicators);
            Set<Field> used = EnumSet.of(Field.CLOSE);
            for (Indicator i : indicators) used.addAll(i.inputFields());
            fields = used.toArray(Field[]::new);
            int k = indicators.size();
            int[] table = new int[k * 12];
            double[] dparams = new double[k * 2];
            List<Output> outs = new ArrayList<>();
            for (int s = 0; s < k; s++) {
                Indicator ind = indicators.get(s);
                StreamKernel kernel = StreamKernel.of(ind).orElseThrow();
                table[s * 12] = kernel.kind().ordinal();
                System.arraycopy(kernel.ints(), 0, table, s * 12 + 1, 4);
                List<Field> in = ind.inputFields();
                for (int j = 0; j < in.size(); j++) table[s * 12 + 5 + j] = slot(in.get(j));
                table[s * 12 + 9] = outs.size();
                dparams[2 * s] = kernel.doubles()[0];
                dparams[2 * s + 1] = kernel.doubles()[1];
                outs.addAll(ind.outputs());
            }
            outputs = List.copyOf(outs);
            int[] layout = device.layout(table, dparams, k);
            long words = 0, ring = 0;
            for (int s = 0; s < k; s++) {
                Indicator ind = indicators.get(s);
                int w = layout[4 * s], r = layout[4 * s + 1], in = layout[4 * s + 2], out = layout[4 * s + 3];
                if (w < 0 || in != ind.inputFields().size() || out != ind.outputs().size()) {
                    throw new IllegalStateException("stream.cu's step of " + ind.spec() + " reads " + in + " inputs and writes " + out
                            + " outputs, the indicator has " + ind.inputFields().size() + " and " + ind.outputs().size() + ": stream.ptx and StreamKernel disagree");
                }
                table[s * 12 + 10] = Math.toIntExact(words);
                table[s * 12 + 11] = Math.toIntExact(ring);
                words += w;
                ring += r;
            }
            int longest = 0;
            for (BarSeries h : spec.history().values()) longest = Math.max(longest, h.size());
            int maxBars = (int) Math.max(1, Math.min(longest, WARM_STAGING / ((long) fields.length * n)));
            device.open(n, k, fields.length, slot(Field.CLOSE), outputs.size(), words, ring, table, dparams, maxBars);
            values = TickValues.allocate(outputs, n);
            columns = new double[outputs.size()][];
            for (int c = 0; c < columns.length; c++) columns[c] = values.column(c);
            warm(spec, maxBars, longest);
        } catch (RuntimeException | Error e) {
            device.close();
            throw e;
        }
    }

    /**
     * Checks, before any device is opened, that stream.cu has a step for every indicator.
     *
     * @throws IllegalArgumentException naming those it has none for, and what to do
     */
    static void requireSupported(String backend, List<Indicator> indicators) {
        List<Indicator> missing = StreamKernel.unsupported(indicators);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the " + backend + " universe stream has no GPU step for " + String.join(", ", missing.stream().map(Indicator::spec).toList())
                    + " (it streams " + String.join(" ", StreamKernel.FUNCTIONS) + ", with moving averages sma to tema); use --backend cpu, or auto"
                    + " to fall back to the CPU");
        }
    }

    private int slot(Field f) {
        for (int i = 0; i < fields.length; i++) if (fields[i] == f) return i;
        throw new IllegalStateException(f + " is not uploaded");
    }

    /** Runs every symbol's history through the steps, {@code maxBars} bars a launch (bar t of each history together). */
    private void warm(UniverseSpec spec, int maxBars, int longest) {
        if (longest == 0) return;
        double[][][] history = new double[n][][];
        for (int s = 0; s < n; s++) {
            BarSeries h = spec.history().get(symbols.get(s));
            if (h == null) continue;
            history[s] = new double[fields.length][];
            for (int f = 0; f < fields.length; f++) history[s][f] = h.values(fields[f]);
        }
        DoubleBuffer in = device.input();
        int close = slot(Field.CLOSE);
        for (int from = 0; from < longest; from += maxBars) {
            int bars = Math.min(maxBars, longest - from);
            for (int t = 0; t < bars; t++) {
                for (int f = 0; f < fields.length; f++) {
                    int at = (t * fields.length + f) * n;
                    for (int s = 0; s < n; s++) {
                        double[][] h = history[s];
                        boolean has = h != null && from + t < h[f].length;
                        in.put(at + s, has ? h[f][from + t] : f == close ? Double.NaN : 0.0);
                    }
                }
            }
            device.step(bars, true, false);
        }
    }

    @Override public String backend() { return backend; }

    @Override public List<String> symbols() { return symbols; }

    @Override public List<Indicator> indicators() { return indicators; }

    @Override public List<Output> outputs() { return outputs; }

    @Override public long ticks() { return ticks; }

    @Override public TickValues tick(Tick tick) {
        run(tick, true);
        ticks++;
        return values;
    }

    @Override public TickValues peek(Tick tick) {
        run(tick, false);
        return values;
    }

    private void run(Tick tick, boolean commit) {
        if (closed) throw new IllegalStateException("the universe stream is closed");
        if (tick.size() != n) throw new IllegalArgumentException("the tick has " + tick.size() + " bars, the universe " + n + " symbols");
        DoubleBuffer in = device.input();
        for (int f = 0; f < fields.length; f++) in.put(f * n, tick.values(fields[f]), 0, n);
        device.step(1, commit, true);
        DoubleBuffer out = device.output();
        for (int c = 0; c < columns.length; c++) out.get(c * n, columns[c], 0, n);
    }

    @Override public UniverseSnapshot snapshot() {
        if (closed) throw new IllegalStateException("the universe stream is closed");
        return UniverseSnapshot.of(backend, format, symbols, indicators, ticks, device.readState());
    }

    @Override public void restore(UniverseSnapshot snapshot) {
        if (closed) throw new IllegalStateException("the universe stream is closed");
        snapshot.checkFits(backend, format, symbols, indicators);
        device.writeState(snapshot.state());
        ticks = snapshot.ticks();
    }

    @Override public void close() {
        if (closed) return;
        closed = true;
        device.close();
    }

    @Override public String toString() {
        return backend + " universe stream of " + n + " symbols × " + indicators + " after " + ticks + " ticks";
    }
}
