package org.hybridta.benchmarks.mpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.Universe;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
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
        SyntheticQuoteSource source = SyntheticQuoteSource.builder().anySymbol(true).futureDates(true).build();
        for (Constituent c : members) {
            BarSeries s = ((FetchResult.Ok) source.fetch(c, LocalDate.of(2000, 1, 1), LocalDate.of(2030, 1, 1))).series();
            series.add(s);
        }
        IndicatorValues values;
        try (ComputeBackend cpu = Backends.open("cpu")) {
            values = cpu.compute(Panel.of(series), SPECS);
        }
        tamper.accept(values);
        return RunOutput.of(SPECS, true, series, values);
    }

    /** Verifies one run of {@code output} as a pipeline would: open, write, commit. */
    private static VerifyingSink verified(RunOutput output) {
        VerifyingSink sink = new VerifyingSink(SPECS);
        try (var session = sink.open(SPECS, true)) {
            session.write(output);
            assertThat(session.commit()).isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sink;
    }

    @Test
    void theCpuBackendsOwnValuesPassBitForBit() {
        VerifyingSink sink = verified(output(v -> {}));
        assertThat(sink.failure()).isNull();
        assertThat(sink.summary()).contains("3 symbols", "0 failures").containsPattern("([\\d,]+) values, \\1 bit-identical");
    }

    @Test
    void aValueOffByMoreThanTheToleranceFailsAndIsNamed() {
        VerifyingSink sink = verified(output(v -> {
            double[] ema = v.data(v.columnIndex("ema_10"));
            int i = v.barCount() + 500;   // BBB, bar 500
            ema[i] *= 1 + 1e-10;
        }));
        assertThat(sink.failure()).startsWith("values differ from the CPU backend's: BBB ema_10 bar 500: ");
        assertThat(sink.summary()).contains("1 failures");
    }

    @Test
    void lastBitDifferencesPassAndAreReported() {
        VerifyingSink sink = verified(output(v -> {
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
        VerifyingSink sink = verified(output(v -> v.data(v.columnIndex("macd_12_26_9_macd"))[2 * v.barCount() + 40] = Double.NaN));
        assertThat(sink.failure()).contains("CCC macd_12_26_9_macd bar 40: NaN, expected ");
    }
}
