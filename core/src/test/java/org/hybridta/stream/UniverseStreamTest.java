package org.hybridta.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.hybridta.backend.Availability;
import org.hybridta.backend.BackendUnavailableException;
import org.hybridta.conformance.RandomBars;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.Test;

/**
 * A universe stream's values equal, for every symbol and tick, the batch values over that symbol's own bars: with
 * symbols that skip ticks, symbols that join late, symbols seeded with history, on one thread and split across
 * threads.
 */
class UniverseStreamTest {
    private static final List<Indicator> SPECS = Indicators.parseList(
            "sma,ema,wma,dema,tema,rsi,macd,bbands,atr,trange,stoch,adx,cci,willr,roc,mom,obv,mfi,cdlengulfing,sar");
    private static final int TICKS = 160;

    @Test void eachSymbolGetsItsOwnBatchValuesOnOneThread() {
        check(40, 1, false);
    }

    @Test void eachSymbolGetsItsOwnBatchValuesAcrossThreads() {
        assertThat(260L * SPECS.size()).isGreaterThanOrEqualTo(CpuUniverseStream.PARALLEL_UPDATES);
        check(260, 3, false);
    }

    @Test void symbolsSeededWithHistoryContinueIt() {
        check(30, 2, true);
    }

    /**
     * Symbol s trades at tick t unless it skips it (about one tick in 6 for odd symbols) or has not joined yet (every
     * third symbol joins at a random tick); with {@code history}, the first 40 of every even symbol's bars are its
     * history instead.
     */
    private static void check(int symbolCount, int threads, boolean history) {
        Random r = new Random(symbolCount);
        List<String> symbols = new ArrayList<>();
        boolean[][] trades = new boolean[symbolCount][TICKS];
        List<BarSeries> own = new ArrayList<>();
        UniverseStreams.Builder builder = UniverseStreams.builder().indicators(SPECS).backend("cpu").threads(threads);
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
        for (int s = 0; s < symbolCount; s++) batch[s] = StreamSeries.batch(SPECS, own.get(s));
        int[] next = historyBars.clone();
        Tick tick = Tick.allocate(symbolCount);
        try (UniverseStream u = builder.build()) {
            assertThat(u.backend()).isEqualTo("cpu");
            assertThat(u.outputs()).isEqualTo(IndicatorStream.of(SPECS).outputs());
            for (int t = 0; t < TICKS; t++) {
                tick.clear();
                for (int s = 0; s < symbolCount; s++) if (trades[s][t]) tick.set(s, StreamSeries.bar(own.get(s), next[s]));
                TickValues v = u.tick(tick);
                for (int s = 0; s < symbolCount; s++) {
                    for (int k = 0; k < v.width(); k++) {
                        double expected = trades[s][t] ? batch[s][k][next[s]] : Double.NaN;
                        if (!StreamSeries.same(expected, v.get(s, k))) {
                            throw new AssertionError("tick " + t + ", symbol " + symbols.get(s) + ", column " + v.outputs().get(k).column()
                                    + ": expected " + expected + ", got " + v.get(s, k));
                        }
                    }
                    if (trades[s][t]) next[s]++;
                }
            }
            assertThat(u.ticks()).isEqualTo(TICKS);
        }
    }

    @Test void wrappedArraysAreReadAtEachTick() {
        double[] o = {1, 2}, h = {1, 2}, l = {1, 2}, c = {1, Double.NaN}, v = {10, 10};
        try (UniverseStream u = UniverseStreams.builder().symbols(List.of("A", "B")).indicators("sma:2").threads(1).backend("cpu").build()) {
            assertThat(u.tick(Tick.wrap(o, h, l, c, v)).column(0)).containsExactly(Double.NaN, Double.NaN);
            c[0] = 3;
            c[1] = 5;
            TickValues values = u.tick(Tick.wrap(o, h, l, c, v));
            assertThat(values.get(0, 0)).isEqualTo(2.0);
            assertThat(values.get(1, 0)).isNaN();                       // B's first bar
            double[] row = new double[1];
            values.row(0, row);
            assertThat(row).containsExactly(2.0);
        }
    }

    @Test void mistakesAreNamed() {
        UniverseStream u = UniverseStreams.builder().symbols(List.of("A", "B")).indicators("rsi").backend("cpu").build();
        assertThatThrownBy(() -> u.tick(Tick.allocate(3))).hasMessage("the tick has 3 bars, the universe 2 symbols");
        u.close();
        u.close();
        assertThatThrownBy(() -> u.tick(Tick.allocate(2))).hasMessageContaining("closed");
        assertThatThrownBy(() -> UniverseStreams.builder().symbols(List.of("A", "A")).indicators("rsi").build()).hasMessageContaining("A is listed twice");
        assertThatThrownBy(() -> UniverseStreams.builder().symbols(List.of("A")).build()).hasMessageContaining("at least one indicator");
        assertThatThrownBy(() -> UniverseStreams.builder().symbols(List.of("A")).indicators("rsi").history(RandomBars.randomWalk("B", 1, 5)).build())
                .hasMessageContaining("history of B");
        assertThatThrownBy(() -> Tick.wrap(new double[2], new double[2], new double[2], new double[3], new double[2]))
                .hasMessageContaining("one value per symbol");
    }

    @Test void backendsAreChosenByTheComputeBackendsRule() {
        List<Indicator> specs = Indicators.parseList("rsi");
        UniverseStreamProvider cpu = new CpuUniverseStreamProvider();
        UniverseStreamProvider gpu = fake("cuda", 100, Availability.yes("H200"), false);
        UniverseStreamProvider missing = fake("cuda", 100, Availability.no("no NVIDIA driver found"), true);
        assertThat(UniverseStreams.select(null, List.of(gpu, cpu), specs, null, null).name()).as("auto passes over a GPU lacking a function").isEqualTo("cpu");
        assertThat(UniverseStreams.select(null, List.of(missing, cpu), specs, null, null).name()).isEqualTo("cpu");
        assertThat(UniverseStreams.select(null, List.of(fake("cuda", 100, Availability.yes("H200"), true), cpu), specs, null, null).name()).isEqualTo("cuda");
        assertThatThrownBy(() -> UniverseStreams.select("cuda", List.of(missing, cpu), specs, null, null)).isInstanceOf(BackendUnavailableException.class)
                .hasMessage("universe stream cuda cannot run here: no NVIDIA driver found; choose another with --backend (cuda, cpu) or use --backend auto");
        assertThatThrownBy(() -> UniverseStreams.select(null, List.of(cpu), specs, "cuda", null))
                .hasMessage("unknown universe stream 'cuda' (known: cpu, auto); add org.hybridta:hybridta-cuda to the class path");
        assertThat(UniverseStreams.providers()).extracting(UniverseStreamProvider::name).contains("cpu");
    }

    private static UniverseStreamProvider fake(String name, int priority, Availability availability, boolean supports) {
        return new UniverseStreamProvider() {
            @Override public String name() { return name; }
            @Override public int priority() { return priority; }
            @Override public Availability availability() { return availability; }
            @Override public boolean supports(List<Indicator> indicators) { return supports; }
            @Override public UniverseStream open(UniverseSpec spec) { throw new UnsupportedOperationException(); }
        };
    }

    @Test void tickBarsRoundTrip() {
        Tick t = Tick.allocate(2).set(1, new Bar(1, 2, 0.5, 1.5, 1.4, 100));
        assertThat(t.has(0)).isFalse();
        assertThat(t.has(1)).isTrue();
        assertThat(t.bar(1)).isEqualTo(new Bar(1, 2, 0.5, 1.5, 1.4, 100));
        assertThat(t.values(Field.ADJ_CLOSE)[1]).isEqualTo(1.4);
    }
}
