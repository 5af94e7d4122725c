package org.hybridta.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hybridta.BarSeries;
import org.hybridta.conformance.RandomBars;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite of universe streams, for every backend (the CPU's in {@link UniverseStreamTest}; a GPU
 * backend's test extends this class in its own module, skipping where no device is present): a universe stream's
 * values equal, for every symbol and tick, the batch values over that symbol's own bars — with symbols that skip
 * ticks, symbols that join late, symbols seeded with history, flat stretches and tiny prices — on one thread and
 * split across threads; peeks that commit nothing; a snapshot restored into a fresh stream.
 */
public abstract class UniverseStreamConformanceTest {
    /** The backend under test ({@code cpu}, {@code cuda}). */
    protected abstract String backend();

    /**
     * How far a value may be from the batch value, relative to the larger magnitude: 0 (the default) asks for the
     * same bits, as the CPU gives; a GPU backend whose kernels round differently may allow, say, 1e-9.
     */
    protected double tolerance() { return 0; }

    /** The 18 original indicators, a pattern and SAR. */
    protected static final List<Indicator> SPECS = Indicators.parseList(
            "sma,ema,wma,dema,tema,rsi,macd,bbands,atr,trange,stoch,adx,cci,willr,roc,mom,obv,mfi,cdlengulfing,sar");

    /** The specs the suite streams: {@link #SPECS} unless a subclass chooses others (other parameters, say). */
    protected List<Indicator> specs() { return SPECS; }
    private static final int TICKS = 160;

    private boolean close(double expected, double actual) {
        if (StreamSeries.same(expected, actual)) return true;
        double t = tolerance();
        return t > 0 && Math.abs(expected - actual) <= t * Math.max(Math.abs(expected), Math.abs(actual));
    }

    @Test public void eachSymbolGetsItsOwnBatchValuesOnOneThread() {
        check(40, 1, false, false, -1);
    }

    @Test public void eachSymbolGetsItsOwnBatchValuesAcrossThreads() {
        check(260, 3, false, false, -1);
    }

    @Test public void symbolsSeededWithHistoryContinueIt() {
        check(30, 2, true, false, -1);
    }

    /** Before every tick, a peek of other bars (not committed), then a peek of the tick's own bars, which gives its values. */
    @Test public void peeksGiveTheTicksValuesAndCommitNothing() {
        check(36, 2, true, true, -1);
    }

    /** Midway, the state goes through a snapshot's bytes into a fresh stream, which continues. */
    @Test public void aRestoredStreamContinues() {
        check(33, 2, true, false, TICKS / 2);
    }

    @Test public void aSnapshotGoesOnlyIntoAStreamOfTheSameSymbolsAndSpecs() {
        UniverseStreams.Builder b = UniverseStreams.builder().symbols(List.of("A", "B")).indicators(specs()).backend(backend());
        try (UniverseStream u = b.build(); UniverseStream other = UniverseStreams.builder().symbols(List.of("A", "C")).indicators(specs()).backend(backend()).build();
             UniverseStream fewer = UniverseStreams.builder().symbols(List.of("A", "B")).indicators("sma,ema").backend(backend()).build()) {
            UniverseSnapshot s = UniverseSnapshot.of(u.snapshot().bytes());
            assertThat(s.backend()).isEqualTo(backend());
            assertThatThrownBy(() -> other.restore(s)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symbols");
            assertThatThrownBy(() -> fewer.restore(s)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sma");
            byte[] corrupt = s.bytes();
            corrupt[corrupt.length / 2] ^= 1;
            assertThatThrownBy(() -> UniverseSnapshot.of(corrupt)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("corrupt");
        }
    }

    /**
     * Symbol s trades at tick t unless it skips it (about one tick in 6 for odd symbols) or has not joined yet (every
     * third symbol joins at a random tick); with {@code history}, the first 40 of every even symbol's bars are its
     * history instead.
     */
    private void check(int symbolCount, int threads, boolean history, boolean peeks, int restoreAt) {
        Random r = new Random(symbolCount);
        List<String> symbols = new ArrayList<>();
        boolean[][] trades = new boolean[symbolCount][TICKS];
        List<BarSeries> own = new ArrayList<>();
        List<Indicator> specs = specs();
        UniverseStreams.Builder builder = UniverseStreams.builder().indicators(specs).backend(backend()).threads(threads);
        List<BarSeries> past = new ArrayList<>();
        int[] historyBars = new int[symbolCount];
        for (int s = 0; s < symbolCount; s++) {
            String symbol = "S" + s;
            symbols.add(symbol);
            int joins = s % 3 == 0 ? r.nextInt(TICKS / 2) : 0;
            int count = 0;
            for (int t = 0; t < TICKS; t++) {
                trades[s][t] = t >= joins && (s % 2 == 0 || r.nextInt(6) != 0);
                if (trades[s][t]) count++;
            }
            historyBars[s] = history && s % 2 == 0 ? 40 : 0;
            BarSeries all = s % 4 == 1 ? RandomBars.flatStretches(symbol, s, historyBars[s] + count) : RandomBars.randomWalk(symbol, s, historyBars[s] + count);
            if (s % 5 == 2) all = StreamSeries.scaled(all, 1e-6);
            own.add(all);
            if (historyBars[s] > 0) past.add(all.between(all.date(0), all.date(historyBars[s])));
        }
        builder.symbols(symbols).history(past);
        double[][][] batch = new double[symbolCount][][];
        for (int s = 0; s < symbolCount; s++) batch[s] = StreamSeries.batch(specs, own.get(s));
        int[] next = historyBars.clone();
        Tick tick = Tick.allocate(symbolCount), other = Tick.allocate(symbolCount);
        UniverseStream u = builder.build();
        try {
            assertThat(u.backend()).isEqualTo(backend());
            assertThat(u.outputs()).isEqualTo(IndicatorStream.of(specs).outputs());
            for (int t = 0; t < TICKS; t++) {
                if (t == restoreAt) {
                    byte[] saved = u.snapshot().bytes();
                    u.close();
                    u = builder.build();
                    u.restore(UniverseSnapshot.of(saved));
                    assertThat(u.ticks()).isEqualTo(t);
                }
                tick.clear();
                other.clear();
                for (int s = 0; s < symbolCount; s++) {
                    if (!trades[s][t]) continue;
                    Bar b = StreamSeries.bar(own.get(s), next[s]);
                    tick.set(s, b);
                    other.set(s, new Bar(b.open(), b.high() * 1.01, b.low() * 0.99, b.close() * 1.005, b.adjClose(), b.volume() * 2));
                }
                if (peeks) {
                    u.peek(other);
                    verify(u.peek(tick), t, symbols, trades, batch, next, "peek at ");
                }
                verify(u.tick(tick), t, symbols, trades, batch, next, "");
                for (int s = 0; s < symbolCount; s++) if (trades[s][t]) next[s]++;
            }
            assertThat(u.ticks()).isEqualTo(TICKS);
        } finally {
            u.close();
        }
    }

    private void verify(TickValues v, int t, List<String> symbols, boolean[][] trades, double[][][] batch, int[] next, String what) {
        for (int s = 0; s < symbols.size(); s++) {
            for (int k = 0; k < v.width(); k++) {
                double expected = trades[s][t] ? batch[s][k][next[s]] : Double.NaN;
                if (!close(expected, v.get(s, k))) {
                    throw new AssertionError(what + "tick " + t + ", symbol " + symbols.get(s) + ", column " + v.outputs().get(k).column()
                            + ": expected " + expected + ", got " + v.get(s, k));
                }
            }
        }
    }

}
