package org.hybridta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.parallel.Partitioners;
import org.hybridta.sink.CsvSink;
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

    @Test
    void computesEveryIndicatorForEverySymbolAsTheBackendDoes() {
        List<Indicator> inds = List.of(Indicators.ema(12), Indicators.rsi(14), Indicators.macd(12, 26, 9));
        PipelineResult r = Pipeline.builder().symbols("AAPL", "MSFT", "XOM").between(FROM, TO).indicators(inds).backend("cpu").build().run();
        assertThat(r.isRoot()).isTrue();
        assertThat(r.okCount()).isEqualTo(3);
        assertThat(r.failures()).isEmpty();
        RunOutput out = r.output().orElseThrow();
        assertThat(out.columns()).containsExactly("ema_12", "rsi_14", "macd_12_26_9_macd", "macd_12_26_9_macdsignal", "macd_12_26_9_macdhist");
        try (ComputeBackend cpu = Backends.open("cpu")) {
            for (String sym : List.of("AAPL", "MSFT", "XOM")) {
                BarSeries s = ((FetchResult.Ok) SyntheticQuoteSource.create().fetch(Constituent.of(sym), FROM, TO)).series();
                IndicatorValues direct = cpu.compute(s, inds);
                for (String col : out.columns()) assertThat(out.values(sym, col)).isEqualTo(direct.series(col, 0));
                assertThat(out.series(out.indexOf(sym))).isEqualTo(s);
            }
        }
        assertThat(r.bars()).isEqualTo(3L * 250);
        assertThat(r.backend()).startsWith("cpu");
        assertThat(r.timings().total()).isPositive();
    }

    @Test
    void failingSymbolsAreListedAndTheOthersComplete() {
        ConcurrentLinkedQueue<SymbolStatus> heard = new ConcurrentLinkedQueue<>();
        PipelineResult r = Pipeline.builder().symbols("AAPL", "NOPE", "MSFT", "BOOM", "XOM")
                .source(new FlakySource("NOPE")).between(FROM, TO).backend("cpu")
                .progress((s, done, total) -> heard.add(s)).build().run();
        assertThat(r.statuses()).extracting(SymbolStatus::symbol).containsExactly("AAPL", "NOPE", "MSFT", "BOOM", "XOM");
        assertThat(r.failures()).extracting(SymbolStatus::symbol).containsExactly("NOPE", "BOOM");
        assertThat(r.failures().get(0).failure()).contains(FailureKind.NOT_FOUND);
        assertThat(r.failures().get(0).reason()).isEqualTo("symbol not found");
        assertThat(r.failures().get(1).reason()).contains("source exploded");
        assertThat(r.okCount()).isEqualTo(3);
        assertThat(heard).hasSize(5);
        assertThat(r.output().orElseThrow().size()).isEqualTo(3);
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
    void aSyntheticRunSaysSoInItsResultAndInItsFiles(@TempDir Path dir) throws IOException {
        PipelineResult synthetic = Pipeline.builder().symbols("AAPL", "MSFT").between(FROM, TO).indicators(Indicators.ema(5)).backend("cpu")
                .sink(CsvSink.to(dir.resolve("s.csv"))).build().run();
        assertThat(synthetic.isSynthetic()).isTrue();
        assertThat(synthetic.output().orElseThrow().isSynthetic()).isTrue();
        List<String> lines = Files.readAllLines(dir.resolve("s.csv"));
        assertThat(lines.get(0)).isEqualTo("date,symbol,open,high,low,close,adj_close,volume,ema_5,source");
        assertThat(lines.subList(1, lines.size())).hasSize(500).allSatisfy(l -> assertThat(l).endsWith(",synthetic"));

        // a source that does not say its bars are made up: no marker
        PipelineResult other = Pipeline.builder().symbols("AAPL").source(new FlakySource()).between(FROM, TO).indicators(Indicators.ema(5))
                .backend("cpu").sink(CsvSink.to(dir.resolve("o.csv"))).build().run();
        assertThat(other.isSynthetic()).isFalse();
        assertThat(Files.readAllLines(dir.resolve("o.csv")).get(0)).isEqualTo("date,symbol,open,high,low,close,adj_close,volume,ema_5");
    }

    @Test
    void partsOnSeveralWorkersGiveTheSameOutputAsOne(@TempDir Path dir) throws IOException {
        Universe u = Universe.sp500().first(40);
        Pipeline.builder().universe(u).between(FROM, TO).backend("cpu").sink(CsvSink.to(dir.resolve("one.csv"))).build().run();
        PipelineResult r = Pipeline.builder().universe(u).between(FROM, TO).backend("cpu").partitioner(Partitioners.local(3))
                .sink(CsvSink.to(dir.resolve("three.csv"))).build().run();
        assertThat(r.partitioner()).isEqualTo("local (3 workers)");
        assertThat(Files.readAllBytes(dir.resolve("three.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("one.csv")));
        // who computed what: three parts, each with its backend, together every symbol and bar once
        assertThat(r.parts()).extracting(PipelineResult.Part::part).containsExactly(0, 1, 2);
        assertThat(r.parts()).allSatisfy(p -> {
            assertThat(p.backend()).startsWith("cpu (");
            assertThat(p.symbols()).isBetween(1, 39);
        });
        assertThat(r.parts().stream().mapToInt(PipelineResult.Part::symbols).sum()).isEqualTo(r.okCount());
        assertThat(r.parts().stream().mapToLong(PipelineResult.Part::bars).sum()).isEqualTo(r.bars());
    }

    @Test
    void twoRunsWriteIdenticalFiles(@TempDir Path dir) throws IOException {
        for (String name : List.of("a.csv", "b.csv")) {
            Pipeline.builder().universe(Universe.sp500().first(10)).between(FROM, TO).backend("cpu")
                    .sink(CsvSink.to(dir.resolve(name))).build().run();
        }
        assertThat(Files.readAllBytes(dir.resolve("a.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("b.csv")));
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
        Path file = dir.resolve("file");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> Pipeline.builder().symbols("A").between(FROM, TO).backend("cpu")
                .sink(CsvSink.to(file.resolve("out.csv"))).build().run())
                .isInstanceOf(PipelineException.class).hasMessageStartingWith("cannot write output");
    }

    @Test
    void withoutCollectingValuesOnlyStatusesComeBack(@TempDir Path dir) {
        PipelineResult r = Pipeline.builder().symbols("AAPL", "NOPE", "MSFT").source(new FlakySource("NOPE")).between(FROM, TO)
                .backend("cpu").partitioner(Partitioners.local(2)).collectValues(false).build().run();
        assertThat(r.output()).isEmpty();
        assertThat(r.okCount()).isEqualTo(2);
        assertThat(r.bars()).isEqualTo(2L * 250);
        assertThat(r.failures()).extracting(SymbolStatus::symbol).containsExactly("NOPE");
        assertThatThrownBy(() -> Pipeline.builder().collectValues(false).sink(CsvSink.to(dir.resolve("x.csv"))).build())
                .hasMessageContaining("sinks need the values");
    }

    @Test
    void aRunWhoseSymbolsAllFailStillReports() {
        PipelineResult r = Pipeline.builder().symbols("X", "Y").source(new FlakySource("X", "Y")).between(FROM, TO).backend("cpu").build().run();
        assertThat(r.okCount()).isZero();
        assertThat(r.output().orElseThrow().size()).isZero();
    }

    @Test
    void csvIsTidyLongFormat(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("sub/indicators.csv");
        Pipeline.builder().symbols("AAPL", "BRK.B").between(FROM, TO).backend("cpu").indicators(Indicators.sma(3), Indicators.obv())
                .sink(CsvSink.to(csv)).build().run();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("date,symbol,open,high,low,close,adj_close,volume,sma_3,obv,source");
        assertThat(lines).hasSize(1 + 2 * 250);
        assertThat(lines.get(1)).startsWith("2023-01-03,AAPL,");
        assertThat(lines.get(1).split(",", -1)[8]).isEmpty();
        assertThat(lines.get(3).split(",", -1)[8]).isNotEmpty();
        assertThat(lines.get(251)).startsWith("2023-01-03,BRK.B,");
        try (Stream<Path> files = Files.list(csv.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("indicators.csv");
        }
    }
}
