package org.hybridta.stream;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Output;

/**
 * The CPU universe stream: an {@link IndicatorStream} per symbol. A tick of a large universe is split into contiguous
 * ranges of symbols computed by a pool of threads (the caller waits); every symbol's arithmetic is its own, so the
 * values do not depend on the split.
 */
final class CpuUniverseStream implements UniverseStream {
    /** Below this many indicator updates per tick, one thread is quicker than handing out work. */
    static final int PARALLEL_UPDATES = 4096;

    private final List<String> symbols;
    private final List<Indicator> indicators;
    private final List<Output> outputs;
    private static final String FORMAT = "indicator-stream-" + StreamSnapshot.FORMAT_VERSION;   // a snapshot's state: IndicatorStream snapshots
    private final IndicatorStream[] streams;
    private final TickValues values;
    private final double[][] columns;              // values' buffers, by column then symbol
    private final ForkJoinPool pool;
    private final List<Callable<Void>> ranges = new ArrayList<>();
    private final double[][] scratch;
    private Tick current;
    private boolean peeking;
    private long ticks;
    private boolean closed;

    CpuUniverseStream(UniverseSpec spec) {
        symbols = spec.symbols();
        indicators = spec.indicators();
        int n = symbols.size();
        streams = new IndicatorStream[n];
        for (int s = 0; s < n; s++) {
            BarSeries past = spec.history().get(symbols.get(s));
            streams[s] = past == null ? IndicatorStream.of(indicators) : IndicatorStream.warm(indicators, past);
        }
        outputs = streams[0].outputs();
        values = TickValues.allocate(outputs, n);
        columns = new double[outputs.size()][];
        for (int k = 0; k < columns.length; k++) columns[k] = values.column(k);
        long updates = (long) n * indicators.size();
        int parts = spec.threads() > 1 && updates >= PARALLEL_UPDATES ? (int) Math.min(n, 4L * spec.threads()) : 1;
        scratch = new double[parts][outputs.size()];
        for (int p = 0; p < parts; p++) {
            int part = p, from = (int) ((long) n * p / parts), to = (int) ((long) n * (p + 1) / parts);
            ranges.add(() -> {
                compute(from, to, scratch[part]);
                return null;
            });
        }
        pool = parts > 1 ? new ForkJoinPool(spec.threads()) : null;
    }

    @Override public String backend() { return "cpu"; }

    /** How many ranges of symbols a tick is split into (1: computed on the caller's thread). */
    int parts() { return ranges.size(); }

    @Override public List<String> symbols() { return symbols; }

    @Override public List<Indicator> indicators() { return indicators; }

    @Override public List<Output> outputs() { return outputs; }

    @Override public long ticks() { return ticks; }

    @Override public TickValues tick(Tick tick) {
        run(tick, false);
        ticks++;
        return values;
    }

    @Override public TickValues peek(Tick tick) {
        run(tick, true);
        return values;
    }

    private void run(Tick tick, boolean peek) {
        if (closed) throw new IllegalStateException("the universe stream is closed");
        if (tick.size() != streams.length) {
            throw new IllegalArgumentException("the tick has " + tick.size() + " bars, the universe " + streams.length + " symbols");
        }
        current = tick;
        peeking = peek;
        try {
            if (pool == null) {
                compute(0, streams.length, scratch[0]);
            } else {
                for (Future<Void> f : pool.invokeAll(ranges)) f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a tick", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            current = null;
        }
    }

    private void compute(int from, int to, double[] row) {
        Tick t = current;
        double[] open = t.values(Field.OPEN), high = t.values(Field.HIGH), low = t.values(Field.LOW), close = t.values(Field.CLOSE),
                adj = t.values(Field.ADJ_CLOSE), volume = t.values(Field.VOLUME);
        int width = row.length;
        for (int s = from; s < to; s++) {
            double c = close[s];
            if (c != c) {
                for (int k = 0; k < width; k++) columns[k][s] = Double.NaN;
                continue;
            }
            if (peeking) streams[s].peek(new Bar(open[s], high[s], low[s], c, adj[s], volume[s]), row);
            else streams[s].update(open[s], high[s], low[s], c, adj[s], volume[s], row);
            for (int k = 0; k < width; k++) columns[k][s] = row[k];
        }
    }

    /** The state: each symbol's {@link IndicatorStream} snapshot, length-prefixed, in the symbols' order. */
    @Override public UniverseSnapshot snapshot() {
        if (closed) throw new IllegalStateException("the universe stream is closed");
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            for (IndicatorStream s : streams) {
                byte[] b = s.snapshot().bytes();
                out.writeInt(b.length);
                out.write(b);
            }
            out.flush();
            return UniverseSnapshot.of(backend(), FORMAT, symbols, indicators, ticks, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);     // a byte array does not fail
        }
    }

    @Override public void restore(UniverseSnapshot snapshot) {
        if (closed) throw new IllegalStateException("the universe stream is closed");
        snapshot.checkFits(backend(), FORMAT, symbols, indicators);
        ByteBuffer in = ByteBuffer.wrap(snapshot.state());
        IndicatorStream[] restored = new IndicatorStream[streams.length];
        try {
            for (int s = 0; s < restored.length; s++) {
                byte[] b = new byte[in.getInt()];
                in.get(b);
                restored[s] = IndicatorStream.from(StreamSnapshot.of(b));
            }
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("the snapshot's state holds fewer than " + streams.length + " symbols' states");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the snapshot's state cannot be read: " + e.getMessage(), e);
        }
        if (in.hasRemaining()) throw new IllegalArgumentException("the snapshot's state has " + in.remaining() + " bytes too many");
        System.arraycopy(restored, 0, streams, 0, streams.length);
        ticks = snapshot.ticks();
    }

    @Override public void close() {
        if (closed) return;
        closed = true;
        if (pool != null) pool.shutdownNow();
    }

    @Override public String toString() {
        return "cpu universe stream of " + symbols.size() + " symbols × " + indicators + " after " + ticks + " ticks";
    }
}
