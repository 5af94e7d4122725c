package org.hybridta.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hybridta.examples.cli.FetchCommandTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hybridta.examples.cli.FetchCommandTest.Result;
import org.hybridta.io.BarCsv;
import org.hybridta.source.Constituent;
import org.hybridta.source.FetchResult;
import org.hybridta.source.SyntheticQuoteSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XsectionCommandTest {
    @TempDir Path dir;

    @Test void writesTheMatricesBetasAndHeatmap() throws IOException {
        Path out = dir.resolve("xs");
        Result r = run("xsection", "--symbols", "AAPL,MSFT,XOM,JPM", "--from", "2023-01-01", "--to", "2024-01-01", "--benchmark", "SPY",
                "--backend", "cpu", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("custom: 4 of 4 symbols, log returns 2023-01-04 to 2023-12-29, missing days pairwise; 249 days",
                "betas against SPY", "engine cpu (", "wrote " + out.resolve("correlation.csv"), "wrote " + out.resolve("correlation.png"));
        List<String> corr = Files.readAllLines(out.resolve("correlation.csv"));
        assertThat(corr).hasSize(1 + 16).first().isEqualTo("symbol_a,symbol_b,value");
        assertThat(corr.get(1)).isEqualTo("AAPL,AAPL,1");
        assertThat(Files.readAllLines(out.resolve("betas.csv"))).hasSize(5).first().isEqualTo("symbol,beta,correlation,days");
        assertThat(Files.readAllLines(out.resolve("covariance.csv"))).hasSize(17);
        assertThat(javax.imageio.ImageIO.read(out.resolve("correlation.png").toFile()).getWidth()).isGreaterThan(1000);
    }

    @Test void rollingBetasOnly() throws IOException {
        Path out = dir.resolve("roll");
        Result r = run("xsection", "--symbols", "AAPL,MSFT", "--from", "2023-01-01", "--to", "2024-01-01", "--window", "63", "--step", "21",
                "--measures", "beta", "--returns", "simple", "--missing", "drop", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("simple returns", "missing days drop", "windows of 63 days", "engine none (betas only)");
        List<String> betas = Files.readAllLines(out.resolve("betas.csv"));
        assertThat(betas.get(0)).isEqualTo("date,symbol,beta,correlation,days");
        assertThat(betas.get(betas.size() - 1)).startsWith("2023-12-29,MSFT,").endsWith(",63");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("betas.csv");   // no matrices, no heatmap
        }
    }

    @Test void badInputIsOneLine() throws IOException {
        Result tooShort = run("xsection", "--symbols", "AAPL,MSFT", "--from", "2024-01-02", "--to", "2024-01-05", "--backend", "cpu",
                "-o", dir.resolve("a").toString());
        assertThat(tooShort.code()).isEqualTo(1);
        assertThat(tooShort.err().strip()).isEqualTo("hybridta: too few days: 2 days of returns between 2024-01-02 and 2024-01-05 (need 3); widen --from/--to");
        assertThat(Files.exists(dir.resolve("a/correlation.csv"))).isFalse();

        Path quotes = Files.createDirectories(dir.resolve("quotes"));
        BarCsv.write(quotes.resolve("AAPL.csv"), ((FetchResult.Ok) SyntheticQuoteSource.create()
                .fetch(Constituent.of("AAPL"), java.time.LocalDate.of(2023, 1, 1), java.time.LocalDate.of(2024, 1, 1))).series());
        Result noBench = run("xsection", "--source", "csv:" + quotes, "--symbols", "AAPL", "--from", "2023-01-01", "--to", "2024-01-01",
                "--benchmark", "SPY", "-o", dir.resolve("b").toString());
        assertThat(noBench.code()).isEqualTo(1);
        assertThat(noBench.err().strip()).isEqualTo("hybridta: benchmark SPY: no file " + quotes.resolve("SPY.csv") + " at csv:" + quotes
                + "; give another --benchmark, or equal-weighted");

        Result usage = run("xsection", "--missing", "listwise");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("--missing: missing-day policy 'listwise' is unknown: choose pairwise or drop");
        assertThat(run("xsection", "--measures", "corr").err()).contains("--measures: 'corr' is unknown (choose correlation, covariance, beta)");
        assertThat(run("xsection", "--step", "5").err()).contains("--step needs --window");
        assertThat(run("xsection", "--format", "parquet").err()).contains("--format parquet: unknown (choose csv)");
        assertThat(run("xsection", "--backend", "gpu").err()).contains("--backend gpu: unknown (choose cuda, cpu or auto)");
    }

    @Test void aFlatSymbolIsListedAndTheRestWritten() throws IOException {
        Path quotes = Files.createDirectories(dir.resolve("q"));
        SyntheticQuoteSource s = SyntheticQuoteSource.create();
        var aapl = ((FetchResult.Ok) s.fetch(Constituent.of("AAPL"), java.time.LocalDate.of(2023, 1, 1), java.time.LocalDate.of(2024, 1, 1))).series();
        BarCsv.write(quotes.resolve("AAPL.csv"), aapl);
        BarCsv.write(quotes.resolve("MSFT.csv"), ((FetchResult.Ok) s.fetch(Constituent.of("MSFT"), java.time.LocalDate.of(2023, 1, 1),
                java.time.LocalDate.of(2024, 1, 1))).series());
        double[] flat = new double[aapl.size()];
        java.util.Arrays.fill(flat, 7);
        BarCsv.write(quotes.resolve("FLAT.csv"), org.hybridta.BarSeries.of("FLAT", aapl.epochDays(), flat, flat, flat, flat, null, flat));
        Result r = run("xsection", "--source", "csv:" + quotes, "--symbols", "AAPL,FLAT,MSFT", "--from", "2023-01-01", "--to", "2024-01-01",
                "--backend", "cpu", "-o", dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.out()).contains("custom: 2 of 3 symbols", "failed FLAT: has the same return, 0.0, on all its 249 days (flat prices): "
                + "left out, its correlations are undefined");
        assertThat(Files.readAllLines(dir.resolve("out/correlation.csv"))).hasSize(5);
    }

    @Test void versionListsTheCrossSectionEngines() {
        Result r = run("--version");
        assertThat(r.out()).contains("xsection cpu: available", "xsection cuda: ");
    }
}
