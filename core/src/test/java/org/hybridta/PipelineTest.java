package org.hybridta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.parallel.Partitioners;
import org.hybridta.sink.ResultSink;
import org.hybridta.sink.RunOutput;
import org.hybridta.source.Constituent;
import org.hybridta.source.FailureKind;
import org.hybridta.source.FetchResult;
import org.hybridta.source.QuoteSource;
import org.hybridta.source.SyntheticQuoteSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineTest {
    private static final LocalDate FROM = LocalDate.of(2023, 1, 1), TO = LocalDate.of(2024, 1, 1);

    /** Fails for the listed symbols, throws for "BOOM", else delegates to the synthetic market. */
    static final class FlakySource implements QuoteSource {
        final SyntheticQuoteSource inner = SyntheticQuoteSource.create();
        final List<String> failing;

        FlakySource(String... failing) { this.failing = List.of(failing); }

        @Override public String name() { return "flaky"; }

        @Override public FetchResult fetch(Constituent c, LocalDate from, LocalDate to) {
            if (c.symbol().equals("BOOM")) throw new IllegalStateException("source exploded");
            if (failing.contains(c.symbol())) return FetchResult.failed(c.symbol(), FailureKind.NOT_FOUND, "symbol not found");
            return inner.fetch(c, from, to);
        }
    }

    /** Records what a pipeline hands its sink: the parts, in order, and whether the session was committed or closed. */
    static final class RecordingSink implements ResultSink {
        final List<RunOutput> parts = new java.util.ArrayList<>();
        boolean committed, closed;

        @Override public Session open(List<? extends Indicator> indicators, boolean synthetic) {
            return new Session() {
                @Override public void write(RunOutput part) { parts.add(part); }

                @Override public List<Path> commit() {
                    committed = true;
                    return List.of(Path.of("recorded"));
                }

                @Override public void close() { closed = true; }
            };
        }

        List<String> symbols() {
            List<String> all = new java.util.ArrayList<>();
            for (RunOutput p : parts) for (int i = 0; i < p.size(); i++) all.add(p.series(i).symbol());
            return all;
        }
    }

    @Test
    void computesEveryIndicatorForEverySymbolAsTheBackendDoesOverTheFetchedHistory() {
        List<Indicator> inds = List.of(Indicators.ema(12), Indicators.rsi(14), Indicators.macd(12, 26, 9));
        Pipeline p = Pipeline.builder().symbols("AAPL", "MSFT", "XOM").between(FROM, TO).indicators(inds).backend("cpu").build();
        assertThat(p.warmup()).isEqualTo(WarmUp.bars(inds)).isPositive();
        PipelineResult r = p.run();
        assertThat(r.isRoot()).isTrue();
        assertThat(r.okCount()).isEqualTo(3);
        assertThat(r.failures()).isEmpty();
        assertThat(r.shortHistory()).isEmpty();
        RunOutput out = r.output().orElseThrow();
        assertThat(out.columns()).containsExactly("ema_12", "rsi_14", "macd_12_26_9_macd", "macd_12_26_9_macdsignal", "macd_12_26_9_macdhist");
        try (ComputeBackend cpu = Backends.open("cpu")) {
            for (String sym : List.of("AAPL", "MSFT", "XOM")) {
                BarSeries fetched = ((FetchResult.Ok) SyntheticQuoteSource.create().fetch(Constituent.of(sym), p.fetchFrom(), TO)).series();
                int history = fetched.countBefore(FROM);
                assertThat(history).as("bars of warm-up").isEqualTo(p.warmup());
                IndicatorValues direct = cpu.compute(fetched, inds);
                for (String col : out.columns()) {
                    double[] all = direct.series(col, 0);
                    assertThat(out.values(sym, col)).isEqualTo(java.util.Arrays.copyOfRange(all, history, all.length));
                }
                assertThat(out.series(out.indexOf(sym))).isEqualTo(fetched.between(FROM, TO));
                assertThat(r.statuses().get(out.indexOf(sym)).warmup()).isEqualTo(history);
            }
        }
        assertThat(r.bars()).isEqualTo(3L * 250);
        assertThat(r.backend()).startsWith("cpu");
        assertThat(r.timings().total()).isPositive();
    }

    @Test
    void aValueOnADateDoesNotDependOnTheRunsFirstDate() {
        List<Indicator> all = Indicators.catalog();
        LocalDate day = LocalDate.of(2024, 6, 3);
        RunOutput early = Pipeline.builder().symbols("AAPL", "XOM").between(LocalDate.of(2021, 3, 1), TO.plusYears(1)).indicators(all)
                .backend("cpu").build().run().output().orElseThrow();
        RunOutput late = Pipeline.builder().symbols("AAPL", "XOM").between(LocalDate.of(2024, 5, 1), TO.plusYears(1)).indicators(all)
                .backend("cpu").build().run().output().orElseThrow();
        RunOutput none = Pipeline.builder().symbols("AAPL", "XOM").between(LocalDate.of(2024, 5, 1), TO.plusYears(1)).indicators(all)
                .backend("cpu").warmup(0).build().run().output().orElseThrow();
        int differing = 0;
        for (String sym : List.of("AAPL", "XOM")) {
            int a = early.series(early.indexOf(sym)).countBefore(day), b = late.series(late.indexOf(sym)).countBefore(day);
            for (Indicator ind : all) {
                if (WarmUp.isCumulative(ind)) continue;   // OBV adds up from the first bar fetched, by definition
                for (org.hybridta.indicator.Output o : ind.outputs()) {
                    double x = early.values(sym, o.column())[a], y = late.values(sym, o.column())[b];
                    if (ind.function().group() == org.hybridta.indicator.Group.MATH_TRANSFORM && Double.compare(x, y) == 0) continue;   // ACOS of a price is NaN, EXP may be infinite: equal is all there is
                    assertThat(y).as(sym + " " + o.column() + " on " + day).isFinite();
                    assertThat(Math.abs(x - y)).as(sym + " " + o.column() + " on " + day + ": " + x + " vs " + y)
                            .isLessThanOrEqualTo(1e-9 * Math.abs(x));
                    double z = none.values(sym, o.column())[b];
                    if (!(Math.abs(x - z) <= 1e-9 * Math.abs(x))) differing++;
                }
            }
        }
        // the test can fail: without the warm-up the recursive indicators start afresh and differ (or have no value yet)
        assertThat(differing).isGreaterThan(10);
    }

    @Test
    void aLongLookbackHasValuesOnTheFirstDate() {
        RunOutput out = Pipeline.builder().symbols("AAPL").between(LocalDate.of(2024, 6, 3), LocalDate.of(2024, 7, 1))
                .indicators(Indicators.sma(200)).backend("cpu").build().run().output().orElseThrow();
        double[] sma = out.values("AAPL", "sma_200");
        assertThat(sma).hasSize(19);
        assertThat(java.util.Arrays.stream(sma).allMatch(Double::isFinite)).as(java.util.Arrays.toString(sma)).isTrue();
    }

    @Test
    void symbolsWithLessHistoryThanTheWarmUpAreListed() {
        // the synthetic market opens on 2000-01-03: a run from then has no history at all
        PipelineResult r = Pipeline.builder().symbols("AAPL", "MSFT").between(SyntheticQuoteSource.MARKET_OPEN, LocalDate.of(2000, 6, 1))
                .indicators(Indicators.ema(20)).backend("cpu").build().run();
        assertThat(r.okCount()).isEqualTo(2);
        assertThat(r.shortHistory()).extracting(SymbolStatus::symbol).containsExactly("AAPL", "MSFT");
        assertThat(r.shortHistory()).allSatisfy(s -> assertThat(s.warmup()).isZero());
        assertThat(r.warmup()).isEqualTo(WarmUp.bars(Indicators.ema(20)));
        double[] ema = r.output().orElseThrow().values("AAPL", "ema_20");
        assertThat(ema[18]).isNaN();
        assertThat(ema[19]).isFinite();
    }

    @Test
    void failingSymbolsAreListedAndTheOthersComplete() {
        ConcurrentLinkedQueue<SymbolStatus> heard = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<long[]> progress = new ConcurrentLinkedQueue<>();
        PipelineResult r = Pipeline.builder().symbols("AAPL", "NOPE", "MSFT", "BOOM", "XOM")
                .source(new FlakySource("NOPE")).between(FROM, TO).backend("cpu")
                .progress((stage, done, total) -> progress.add(new long[] {stage.ordinal(), done, total})).build().run();
        for (SymbolStatus s : r.statuses()) heard.add(s);
        assertThat(r.statuses()).extracting(SymbolStatus::symbol).containsExactly("AAPL", "NOPE", "MSFT", "BOOM", "XOM");
        assertThat(r.failures()).extracting(SymbolStatus::symbol).containsExactly("NOPE", "BOOM");
        assertThat(r.failures().get(0).failure()).contains(FailureKind.NOT_FOUND);
        assertThat(r.failures().get(0).reason()).isEqualTo("symbol not found");
        assertThat(r.failures().get(1).reason()).contains("source exploded");
        assertThat(r.okCount()).isEqualTo(3);
        assertThat(heard).hasSize(5);
        assertThat(r.output().orElseThrow().size()).isEqualTo(3);
        // every symbol fetched and computed, failed ones too
        assertThat(progress.stream().filter(e -> e[0] == ProgressListener.Stage.FETCH.ordinal()).mapToLong(e -> e[1]).max()).hasValue(5);
        assertThat(progress.stream().filter(e -> e[0] == ProgressListener.Stage.COMPUTE.ordinal()).mapToLong(e -> e[1]).max()).hasValue(5);
    }

    @Test
    void theWriteIsReportedInRowsAndReachesItsTotalOnlyAtTheEnd() {
        List<long[]> writes = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        RecordingSink sink = new RecordingSink();
        PipelineResult r = Pipeline.builder().universe(Universe.sp500().first(40)).between(FROM, TO).backend("cpu").sink(sink)
                .progress((stage, done, total) -> {
                    if (stage == ProgressListener.Stage.WRITE) writes.add(new long[] {done, total});
                }).build().run();
        assertThat(sink.parts).hasSizeGreaterThan(1);
        assertThat(writes).hasSize(sink.parts.size() + 1);
        for (int i = 0; i < sink.parts.size(); i++) {
            assertThat(writes.get(i)[0]).as("rows written after part " + i).isEqualTo(rows(sink.parts.subList(0, i + 1)))
                    .isLessThan(writes.get(i)[1]);
        }
        long[] last = writes.get(writes.size() - 1);
        assertThat(last[0]).as("once committed").isEqualTo(last[1]).isEqualTo(r.bars());
    }

    private static long rows(List<RunOutput> parts) {
        return parts.stream().mapToLong(RunOutput::rows).sum();
    }

    @Test
    void partsReachTheSinkInUniverseOrderAndTheRunKeepsNoneOfThem() {
        Universe u = Universe.sp500().first(60);
        RecordingSink sink = new RecordingSink();
        PipelineResult r = Pipeline.builder().universe(u).between(FROM, TO).backend("cpu").partitioner(Partitioners.local(3)).sink(sink)
                .build().run();
        assertThat(sink.parts.size()).as("parts").isGreaterThanOrEqualTo(12);   // four per worker at least, to overlap
        assertThat(sink.symbols()).isEqualTo(u.members().stream().map(Constituent::symbol).toList());
        assertThat(sink.committed).isTrue();
        assertThat(r.output()).as("a run with a sink keeps no values").isEmpty();
        assertThat(r.files()).containsExactly(Path.of("recorded"));
    }

    @Test
    void aRunThatCannotFitInTheHeapIsRefusedBeforeAnyWorkWithTheSize() {
        // 2 GB of values to keep, a heap of 1 GB: refused, naming the size and the fix
        long[] bars = new long[5_000];
        java.util.Arrays.fill(bars, 3_000);
        assertThatThrownBy(() -> MemoryPlan.parts(bars, bars, 25, 1, false, 1L << 30)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("keeping every value of this run in memory takes about ")
                .hasMessageContaining("5,000 symbols, 15,000,000 bars, 31 columns")
                .hasMessageContaining("give the pipeline a sink");
        // one series too long for the heap even alone
        assertThatThrownBy(() -> MemoryPlan.parts(new long[] {200_000_000}, null, 25, 1, false, 1L << 30))
                .hasMessageStartingWith("this run does not fit in memory: its longest series, 200,000,000 bars x 25 indicator columns")
                .hasMessageEndingWith("or a shorter date range");
        // the same run through a sink: cut into parts that fit
        int parts = MemoryPlan.parts(bars, null, 25, 1, false, 1L << 30);
        assertThat(parts).isGreaterThan(4);
        assertThat(5_000L * 3_000 / parts * MemoryPlan.bytesPerBar(25)).isLessThanOrEqualTo(MemoryPlan.MAX_CPU_PART_BYTES);
        assertThat(MemoryPlan.parts(bars, null, 25, 1, true, 1L << 30)).as("GPUs take larger parts").isLessThan(parts);
        // every catalog function (250 columns, 10 MB a symbol of 10 years) on a GPU: parts of hundreds of symbols where the
        // heap allows, not the dozen that 128 MB hold; a smaller heap still bounds them
        long[] tenYears = new long[5_000];
        java.util.Arrays.fill(tenYears, 2_516);
        int gpuParts = MemoryPlan.parts(tenYears, null, 250, 1, true, 64L << 30);
        assertThat(5_000 / gpuParts).as("symbols per GPU part").isGreaterThanOrEqualTo(512);
        assertThat(MemoryPlan.parts(tenYears, null, 250, 1, true, 4L << 30)).as("parts with a 4 GB heap").isGreaterThan(gpuParts);
    }

    /** The synthetic market, except that BAD's bar of 2023-03-01 has its high below its low. */
    static final class ImpossibleSource implements QuoteSource {
        static final LocalDate DAY = LocalDate.of(2023, 3, 1);
        final SyntheticQuoteSource inner = SyntheticQuoteSource.create();

        @Override public String name() { return "impossible"; }

        @Override public FetchResult fetch(Constituent c, LocalDate from, LocalDate to) {
            FetchResult r = inner.fetch(Constituent.of(c.symbol().equals("BAD") ? "AAPL" : c.symbol()), from, to);
            BarSeries s = ((FetchResult.Ok) r).series();
            double[] high = s.high(), low = s.low();
            for (int i = 0; i < s.size(); i++) {
                if (c.symbol().equals("BAD") && s.date(i).equals(DAY)) high[i] = low[i] - 1;
            }
            return FetchResult.ok(BarSeries.of(c.symbol(), s.epochDays(), s.open(), high, low, s.close(), s.adjClose(), s.volume()));
        }
    }

    @Test
    void impossibleBarsAreWarnedAboutOrRefusedWhenStrict() {
        PipelineResult[] lenient = new PipelineResult[1];
        String log = StdErr.of(() -> lenient[0] = Pipeline.builder().symbols("MSFT", "BAD", "XOM").source(new ImpossibleSource())
                .between(FROM, TO).backend("cpu").build().run());
        assertThat(lenient[0].okCount()).isEqualTo(3);
        assertThat(log).contains("WARN", "BAD: 1 impossible bar: 2023-03-01 high ").hasLineCount(1);

        PipelineResult strict = Pipeline.builder().symbols("MSFT", "BAD", "XOM").source(new ImpossibleSource())
                .between(FROM, TO).backend("cpu").strict(true).build().run();
        assertThat(strict.okCount()).isEqualTo(2);
        assertThat(strict.failures()).singleElement().satisfies(f -> {
            assertThat(f.symbol()).isEqualTo("BAD");
            assertThat(f.failure()).contains(FailureKind.BAD_DATA);
            assertThat(f.reason()).startsWith("1 impossible bar: 2023-03-01 high ").endsWith("(refused: strict checking)");
        });
    }

    @Test
    void aSyntheticRunSaysSoInItsResult() {
        PipelineResult synthetic = Pipeline.builder().symbols("AAPL", "MSFT").between(FROM, TO).indicators(Indicators.ema(5)).backend("cpu")
                .build().run();
        assertThat(synthetic.isSynthetic()).isTrue();
        assertThat(synthetic.output().orElseThrow().isSynthetic()).isTrue();
        // a source that does not say its bars are made up: no marker
        PipelineResult other = Pipeline.builder().symbols("AAPL").source(new FlakySource()).between(FROM, TO).indicators(Indicators.ema(5))
                .backend("cpu").build().run();
        assertThat(other.isSynthetic()).isFalse();
        assertThat(other.output().orElseThrow().isSynthetic()).isFalse();
    }

    @Test
    void partsOnSeveralWorkersGiveTheSameOutputAsOne() {
        Universe u = Universe.sp500().first(40);
        RunOutput one = Pipeline.builder().universe(u).between(FROM, TO).backend("cpu").build().run().output().orElseThrow();
        PipelineResult r = Pipeline.builder().universe(u).between(FROM, TO).backend("cpu").partitioner(Partitioners.local(3)).build().run();
        RunOutput three = r.output().orElseThrow();
        assertThat(r.partitioner()).isEqualTo("local (3 workers)");
        assertThat(three.size()).isEqualTo(one.size()).isEqualTo(40);
        for (int i = 0; i < one.size(); i++) {
            assertThat(three.series(i)).isEqualTo(one.series(i));
            for (String c : one.columns()) assertThat(three.values(i, c)).isEqualTo(one.values(i, c));
        }
        // who computed what: three workers, each with its backend, together every symbol and bar once
        assertThat(r.workers()).extracting(PipelineResult.Worker::worker).containsExactly("worker 0", "worker 1", "worker 2");
        assertThat(r.workers()).allSatisfy(w -> {
            assertThat(w.backend()).startsWith("cpu (");
            assertThat(w.symbols()).isBetween(1, 39);
        });
        assertThat(r.workers().stream().mapToInt(PipelineResult.Worker::symbols).sum()).isEqualTo(r.okCount());
        assertThat(r.workers().stream().mapToLong(PipelineResult.Worker::bars).sum()).isEqualTo(r.bars());
    }

    @Test
    void defaultsAreTheNotebooksRun() {
        Clock clock = Clock.fixed(LocalDate.of(2026, 11, 24).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        Pipeline p = Pipeline.builder(clock).build();
        assertThat(p.universe().size()).isEqualTo(503);
        assertThat(p.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(p.to()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(p.indicators()).extracting(Indicator::spec).containsExactly("ema:12", "rsi:14", "macd:12:26:9");
        assertThat(p.source().name()).isEqualTo("synthetic");
    }

    @Test
    void badRequestsFailBeforeAnyWork(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> Pipeline.builder().universe(Universe.of()).build()).hasMessageContaining("universe is empty");
        assertThatThrownBy(() -> Pipeline.builder().between(TO, FROM).build())
                .hasMessageContaining("from 2024-01-01 must be before to 2023-01-01");
        assertThatThrownBy(() -> Pipeline.builder().indicators(Indicators.ema(5), Indicators.ema(5)).build())
                .hasMessageContaining("ema_5 is requested twice");
        assertThatThrownBy(() -> Pipeline.builder().symbols("A").between(FROM, TO).backend("nope").build().run())
                .isInstanceOf(PipelineException.class).hasMessageContaining("unknown backend 'nope'");
        ResultSink unwritable = (indicators, synthetic) -> {
            throw new java.nio.file.AccessDeniedException("out/x.csv");
        };
        assertThatThrownBy(() -> Pipeline.builder().symbols("A").between(FROM, TO).backend("cpu").sink(unwritable).build().run())
                .isInstanceOf(PipelineException.class).hasMessageStartingWith("cannot write output");
    }

    @Test
    void aSinkThatFailsMidwayLeavesItsSessionClosedAndTheRunFailed() {
        RecordingSink recorded = new RecordingSink();
        ResultSink failing = (indicators, synthetic) -> new ResultSink.Session() {
            int parts;

            @Override public void write(RunOutput part) throws IOException {
                if (++parts == 2) throw new IOException("No space left on device");
            }

            @Override public List<Path> commit() { return List.of(); }

            @Override public void close() {}
        };
        assertThatThrownBy(() -> Pipeline.builder().universe(Universe.sp500().first(20)).between(FROM, TO).backend("cpu").sink(recorded)
                .sink(failing).build().run())
                .isInstanceOf(PipelineException.class).hasMessage("cannot write output: no space left on device");
        assertThat(recorded.committed).isFalse();
        assertThat(recorded.closed).isTrue();
    }

    @Test
    void withoutCollectingValuesOnlyStatusesComeBack(@TempDir Path dir) {
        PipelineResult r = Pipeline.builder().symbols("AAPL", "NOPE", "MSFT").source(new FlakySource("NOPE")).between(FROM, TO)
                .backend("cpu").partitioner(Partitioners.local(2)).collectValues(false).build().run();
        assertThat(r.output()).isEmpty();
        assertThat(r.okCount()).isEqualTo(2);
        assertThat(r.bars()).isEqualTo(2L * 250);
        assertThat(r.failures()).extracting(SymbolStatus::symbol).containsExactly("NOPE");
        assertThatThrownBy(() -> Pipeline.builder().collectValues(false).sink(new RecordingSink()).build())
                .hasMessageContaining("sinks need the values");
    }

    @Test
    void aRunWhoseSymbolsAllFailStillReportsAndWritesNothing() {
        RecordingSink sink = new RecordingSink();
        PipelineResult r = Pipeline.builder().symbols("X", "Y").source(new FlakySource("X", "Y")).between(FROM, TO).backend("cpu")
                .keepOutput(true).sink(sink).build().run();
        assertThat(r.okCount()).isZero();
        assertThat(r.output().orElseThrow().size()).isZero();
        assertThat(sink.committed).as("an empty file would hide the failure").isFalse();
        assertThat(sink.closed).isTrue();
        assertThat(r.files()).isEmpty();
    }
}
