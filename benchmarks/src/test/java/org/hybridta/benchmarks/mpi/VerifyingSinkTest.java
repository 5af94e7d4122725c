package org.hybridta.benchmarks.mpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.SymbolStatus;
import org.hybridta.Universe;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.parallel.PartResult;
import org.hybridta.sink.RunOutput;
import org.hybridta.source.Constituent;
import org.hybridta.source.FetchResult;
import org.hybridta.source.SyntheticQuoteSource;
import org.junit.jupiter.api.Test;

class VerifyingSinkTest {
    private static final List<Indicator> SPECS = List.of(Indicators.ema(10), Indicators.macd(12, 26, 9), Indicators.rsi(14));

    /** A run's output for three synthetic symbols computed by the CPU backend, with {@code tamper} applied to its values first. */
    private static RunOutput output(java.util.function.Consumer<IndicatorValues> tamper) {
        List<Constituent> members = Universe.of(List.of("AAA", "BBB", "CCC")).members();
        List<BarSeries> series = new ArrayList<>();
        List<SymbolStatus> statuses = new ArrayList<>();
        SyntheticQuoteSource source = SyntheticQuoteSource.builder().anySymbol(true).futureDates(true).build();
        for (Constituent c : members) {
            BarSeries s = ((FetchResult.Ok) source.fetch(c, LocalDate.of(2000, 1, 1), LocalDate.of(2030, 1, 1))).series();
            series.add(s);
            statuses.add(SymbolStatus.ok(c.symbol(), s.size()));
        }
        IndicatorValues values;
        try (ComputeBackend cpu = Backends.open("cpu")) {
            values = cpu.compute(Panel.of(series), SPECS);
        }
        tamper.accept(values);
        return RunOutput.of(List.of(new PartResult(0, "part 0", series, values, statuses, 0, 0, "cpu")), members, SPECS);
    }

    @Test
    void theCpuBackendsOwnValuesPassBitForBit() {
        VerifyingSink sink = new VerifyingSink(SPECS);
        assertThat(sink.write(output(v -> {}))).isEmpty();
        assertThat(sink.failure()).isNull();
        assertThat(sink.summary()).contains("3 symbols", "0 failures").containsPattern("([\\d,]+) values, \\1 bit-identical");
    }

    @Test
    void aValueOffByMoreThanTheToleranceFailsAndIsNamed() {
        VerifyingSink sink = new VerifyingSink(SPECS);
        sink.write(output(v -> {
            double[] ema = v.data(v.columnIndex("ema_10"));
            int i = v.barCount() + 500;   // BBB, bar 500
            ema[i] *= 1 + 1e-10;
        }));
        assertThat(sink.failure()).startsWith("values differ from the CPU backend's: BBB ema_10 bar 500: ");
        assertThat(sink.summary()).contains("1 failures");
    }

    @Test
    void lastBitDifferencesPassAndAreReported() {
        VerifyingSink sink = new VerifyingSink(SPECS);
        sink.write(output(v -> {
            double[] rsi = v.data(v.columnIndex("rsi_14"));
            rsi[700] = Math.nextUp(rsi[700]);
            double[] hist = v.data(v.columnIndex("macd_12_26_9_macdhist"));
            hist[900] += 1e-14;   // relative to the histogram's scale, not to a value that may be near zero
        }));
        assertThat(sink.failure()).isNull();
        assertThat(sink.summary()).doesNotContain("worst relative difference 0.000e+00");
    }

    @Test
    void aNanWhereAValueBelongsFails() {
        VerifyingSink sink = new VerifyingSink(SPECS);
        sink.write(output(v -> v.data(v.columnIndex("macd_12_26_9_macd"))[2 * v.barCount() + 40] = Double.NaN));
        assertThat(sink.failure()).contains("CCC macd_12_26_9_macd bar 40: NaN, expected ");
    }
}
