package org.hybridta.xsection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.hybridta.Universe;
import org.hybridta.source.Constituent;
import org.hybridta.source.FailureKind;
import org.hybridta.source.FetchResult;
import org.hybridta.source.QuoteSource;
import org.hybridta.source.SyntheticQuoteSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From a source to files: fetching, alignment, failures, the benchmark outside the universe, CSV. */
class CrossSectionRunTest {
    static final LocalDate FROM = LocalDate.of(2023, 1, 1), TO = LocalDate.of(2024, 1, 1);

    /** The synthetic market, except that symbols named in {@code missing} are not found. */
    static QuoteSource withUnknown(String... missing) {
        QuoteSource synthetic = SyntheticQuoteSource.create();
        return new QuoteSource() {
            @Override public String name() { return "test"; }

            @Override public FetchResult fetch(Constituent c, LocalDate from, LocalDate to) {
                if (List.of(missing).contains(c.symbol())) return FetchResult.failed(c.symbol(), FailureKind.NOT_FOUND, "symbol not found");
                return synthetic.fetch(c, from, to);
            }
        };
    }

    @Test void runEqualsAnalyzeOfTheAlignedBarsAndListsFailures() {
        CrossSection xs = CrossSectionTest.cpu().symbols("AAPL", "MSFT", "NOPE", "XOM").source(withUnknown("NOPE"))
                .between(FROM, TO).benchmark("SPY").build();
        CrossSectionResult r = xs.run();
        assertThat(r.symbols()).containsExactly("AAPL", "MSFT", "XOM");
        assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("symbol not found"));
        assertThat(r.benchmark()).contains("SPY");

        SyntheticQuoteSource s = SyntheticQuoteSource.create();
        List<BarSeries> bars = java.util.stream.Stream.of("AAPL", "MSFT", "XOM", "SPY")
                .map(sym -> ((FetchResult.Ok) s.fetch(Constituent.of(sym), FROM, TO)).series()).toList();
        AlignedReturns all = AlignedReturns.align(bars, Field.ADJ_CLOSE, ReturnKind.LOG);
        CrossSectionResult direct = CrossSectionTest.cpu().benchmark("SPY").build().analyze(all);
        // the same up to the order of the sums (the direct matrix has SPY as a fourth column)
        assertThat(r.last().correlation().orElseThrow().get("AAPL", "XOM"))
                .isCloseTo(direct.last().correlation().orElseThrow().get("AAPL", "XOM"), org.assertj.core.data.Offset.offset(1e-14));
        assertThat(r.last().betas().get(0).beta()).isEqualTo(direct.last().betas().get(0).beta());
        assertThat(r.last().betas()).extracting(Beta::symbol).containsExactly("AAPL", "MSFT", "XOM");
        assertThat(r.last().days()).isEqualTo(all.days());
    }

    @Test void aBenchmarkInTheUniverseIsThatSymbol() {
        CrossSectionResult r = CrossSectionTest.cpu().symbols("AAPL", "SPY", "XOM").between(FROM, TO).benchmark("SPY").build().run();
        SymbolMatrix cov = r.last().covariance().orElseThrow();
        assertThat(r.symbols()).containsExactly("AAPL", "SPY", "XOM");
        for (Beta b : r.last().betas()) {
            int i = cov.indexOf(b.symbol());
            assertThat(b.beta()).as(b.symbol()).isCloseTo(cov.get(i, 1) / cov.get(1, 1), org.assertj.core.data.Offset.offset(1e-10 * Math.abs(b.beta())));
        }
        assertThat(r.last().betas().get(1).beta()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        CrossSection missing = CrossSectionTest.cpu().symbols("AAPL", "SPY").source(withUnknown("SPY")).between(FROM, TO).benchmark("SPY").build();
        assertThatThrownBy(missing::run).hasMessage("benchmark SPY: symbol not found at test; give another --benchmark, or equal-weighted");
    }

    @Test void aFlatSymbolIsLeftOutWithOneLineAndTheOthersComputed() {
        QuoteSource synthetic = SyntheticQuoteSource.create();
        QuoteSource withFlat = new QuoteSource() {
            @Override public String name() { return "test"; }

            @Override public FetchResult fetch(Constituent c, LocalDate from, LocalDate to) {
                if (!c.symbol().equals("FLAT")) return synthetic.fetch(c, from, to);
                BarSeries aapl = ((FetchResult.Ok) synthetic.fetch(Constituent.of("AAPL"), from, to)).series();
                double[] price = new double[aapl.size()];
                java.util.Arrays.fill(price, 12.5);
                return FetchResult.ok(BarSeries.of("FLAT", aapl.epochDays(), price, price, price, price, null, new double[price.length]));
            }
        };
        CrossSectionResult r = CrossSectionTest.cpu().symbols("AAPL", "FLAT", "XOM").source(withFlat).between(FROM, TO).build().run();
        assertThat(r.symbols()).containsExactly("AAPL", "XOM");
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.symbol()).isEqualTo("FLAT");
            assertThat(f.reason()).startsWith("has the same return, 0.0, on all its ").endsWith("(flat prices): left out, its correlations are undefined");
        });
    }

    @Test void anUnknownBenchmarkSymbolIsOneLine() {
        CrossSection xs = CrossSectionTest.cpu().symbols("AAPL", "MSFT").source(withUnknown("ZZZZ")).between(FROM, TO).benchmark("ZZZZ").build();
        assertThatThrownBy(xs::run).isInstanceOf(CrossSectionException.class)
                .hasMessage("benchmark ZZZZ: symbol not found at test; give another --benchmark, or equal-weighted");
    }

    @Test void nothingFetchedIsOneLine() {
        CrossSection xs = CrossSectionTest.cpu().symbols("A", "B").source(withUnknown("A", "B")).between(FROM, TO).build();
        assertThatThrownBy(xs::run).hasMessage("no symbol could be fetched from test (A: symbol not found)");
    }

    @Test void csvInLongForm(@TempDir Path dir) throws Exception {
        CrossSectionResult r = CrossSectionTest.cpu().universe(Universe.sp500().first(5)).between(FROM, TO).build().run();
        List<Path> files = CrossSectionCsv.to(dir.resolve("out")).write(r);
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("correlation.csv", "covariance.csv", "betas.csv");
        List<String> corr = Files.readAllLines(files.get(0));
        assertThat(corr).hasSize(1 + 25);
        assertThat(corr.get(0)).isEqualTo("symbol_a,symbol_b,value");
        List<String> symbols = r.symbols();
        String[] row = corr.get(1 + 1 * 5 + 3).split(",");
        assertThat(row[0]).isEqualTo(symbols.get(1));
        assertThat(row[1]).isEqualTo(symbols.get(3));
        assertThat(Double.parseDouble(row[2])).isEqualTo(r.last().correlation().orElseThrow().get(1, 3));
        assertThat(corr.get(1)).isEqualTo(symbols.get(0) + "," + symbols.get(0) + ",1");
        List<String> betas = Files.readAllLines(files.get(2));
        assertThat(betas.get(0)).isEqualTo("symbol,beta,correlation,days");
        assertThat(Double.parseDouble(betas.get(2).split(",")[1])).isEqualTo(r.last().betas().get(1).beta());
        try (var list = Files.list(dir.resolve("out"))) {
            assertThat(list.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("correlation.csv", "covariance.csv", "betas.csv");
        }
    }

    @Test void rollingCsvHasTheDateOfEachWindow(@TempDir Path dir) throws Exception {
        CrossSectionResult r = CrossSectionTest.cpu().symbols("AAPL", "MSFT").between(FROM, TO).rolling(60, 30)
                .measures(java.util.EnumSet.of(Measure.CORRELATION)).build().run();
        List<String> lines = Files.readAllLines(CrossSectionCsv.to(dir).write(r).get(0));
        assertThat(lines.get(0)).isEqualTo("date,symbol_a,symbol_b,value");
        assertThat(lines).hasSize(1 + 4 * r.windows().size());
        assertThat(lines.get(lines.size() - 1)).startsWith(r.last().last() + ",MSFT,MSFT,");
        assertThat(lines.get(1)).startsWith(r.windows().get(0).last() + ",AAPL,AAPL,");
    }
}
