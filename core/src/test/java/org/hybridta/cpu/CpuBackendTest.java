package org.hybridta.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.hybridta.BarSeries;
import org.hybridta.Field;
import org.hybridta.IndicatorValues;
import org.hybridta.Panel;
import org.hybridta.backend.BackendOptions;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.conformance.BackendConformanceTest;
import org.hybridta.conformance.RandomBars;
import org.hybridta.conformance.RealisticBars;
import org.hybridta.conformance.TaLibOracle;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.indicator.Output;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.hybridta.conformance.TaLibC;
import org.hybridta.conformance.TaLibCLoaded;
import org.hybridta.conformance.TaLibCResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the CPU backend promises beyond the conformance suite: bit-equality with TA-Lib C, threading, errors. */
@ExtendWith(TaLibCLoaded.class)
class CpuBackendTest {

    static Stream<BarSeries> bitEqualData() {
        return Stream.of(RandomBars.randomWalk("W", 7, 10_000), RandomBars.flatStretches("F", 7, 10_000), RealisticBars.load());
    }

    /** The kernels repeat TA-Lib's arithmetic, so every value is the same double, not merely close. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bitEqualData")
    void everyValueIsBitEqualToTaLib(BarSeries series) {
        List<Indicator> specs = BackendConformanceTest.specs();
        try (ComputeBackend cpu = new CpuBackend(1)) {
            IndicatorValues values = cpu.compute(series, specs);
            for (Indicator spec : specs) {
                double[][] ref = TaLibOracle.compute(spec, series);
                for (int k = 0; k < ref.length; k++) {
                    String column = spec.outputs().get(k).column();
                    double[] ours = values.series(column, 0);
                    for (int t = 0; t < ours.length; t++) {
                        if (Double.doubleToLongBits(ours[t]) != Double.doubleToLongBits(ref[k][t])) {
                            throw new AssertionError(column + " at bar " + t + ": " + ours[t] + " but TA-Lib " + ref[k][t]);
                        }
                    }
                }
            }
        }
    }

    /** Splitting the panel into tasks (by series, or by series and indicator) never changes a value. */
    @Test
    void threadsDoNotChangeResults() {
        List<Indicator> specs = BackendConformanceTest.specs();
        Panel few = RandomBars.raggedPanel(3, 5000, 0, 4000);                 // fewer series than threads
        Panel many = RandomBars.raggedPanel(4, lengths(40));                  // more series than threads
        for (Panel panel : List.of(few, many)) {
            IndicatorValues one;
            try (ComputeBackend cpu = new CpuBackend(1)) {
                one = cpu.compute(panel, specs);
            }
            for (int threads : new int[] {2, 3, 8}) {
                try (ComputeBackend cpu = new CpuBackend(threads)) {
                    IndicatorValues par = cpu.compute(panel, specs);
                    for (int c = 0; c < one.columns().size(); c++) {
                        assertThat(Arrays.equals(par.data(c), one.data(c)))
                                .as("%s with %d threads on %s", one.columns().get(c), threads, panel).isTrue();
                    }
                }
            }
        }
    }

    private static int[] lengths(int n) {
        int[] l = new int[n];
        for (int i = 0; i < n; i++) l[i] = (i * 37) % 300;
        return l;
    }

    @Test
    void oneIndicatorOnOneSeriesRunsInTheCallersThreadAndStillWorks() {
        try (ComputeBackend cpu = new CpuBackend(4)) {
            BarSeries s = RandomBars.randomWalk("W", 1, 100);
            double[] ema = cpu.compute(s, List.of(Indicators.ema(10))).series("ema_10", 0);
            assertThat(ema).hasSize(100);
            assertThat(ema[8]).isNaN();
            assertThat(ema[9]).isEqualTo(TaLibOracle.compute(Indicators.ema(10), s)[0][9]);
        }
    }

    @Test
    void anIndicatorNeedingAMissingFieldIsRefusedNamingTheField() {
        double[] close = {1, 2, 3};
        Panel onlyClose = Panel.builder(1, 3).field(Field.CLOSE, close).build();
        try (ComputeBackend cpu = new CpuBackend(1)) {
            assertThat(cpu.compute(onlyClose, List.of(Indicators.ema(2))).series("ema_2", 0)).containsExactly(Double.NaN, 1.5, 2.5);
            assertThatThrownBy(() -> cpu.compute(onlyClose, List.of(Indicators.atr(14))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("atr:14 needs high and low values, which the panel lacks");
            assertThatThrownBy(() -> cpu.compute(onlyClose, List.of(Indicators.obv())))
                    .hasMessage("obv needs volume values, which the panel lacks");
            assertThatThrownBy(() -> cpu.compute(onlyClose, List.of(Indicators.mfi(14))))
                    .hasMessage("mfi:14 needs high, low and volume values, which the panel lacks");
        }
    }

    @Test
    void requestsWithoutIndicatorsOrWithDuplicatesAreRefused() {
        Panel p = RandomBars.raggedPanel(1, 10);
        try (ComputeBackend cpu = new CpuBackend(1)) {
            assertThatThrownBy(() -> cpu.compute(p, List.of())).hasMessage("no indicators to compute");
            assertThatThrownBy(() -> cpu.compute(p, List.of(Indicators.ema(12), Indicators.rsi(14), Indicators.ema(12))))
                    .hasMessage("column ema_12 would be computed twice; list each indicator once");
        }
    }

    @Test
    void aClosedBackendRefusesWorkAndClosingTwiceIsSafe() {
        ComputeBackend cpu = new CpuBackend(2);
        cpu.close();
        cpu.close();
        assertThatThrownBy(() -> cpu.compute(RandomBars.raggedPanel(1, 10), List.of(Indicators.obv())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void theProviderIsFoundByNameAndDescribesItself() {
        CpuBackendProvider provider = new CpuBackendProvider();
        assertThat(provider.name()).isEqualTo("cpu");
        assertThat(provider.priority()).isZero();
        assertThat(provider.availability().available()).isTrue();
        assertThat(Backends.providers()).extracting(p -> p.name()).contains("cpu");
        try (ComputeBackend cpu = Backends.open("cpu", BackendOptions.builder().threads(3).build())) {
            assertThat(cpu.name()).isEqualTo("cpu");
            assertThat(cpu.description()).isEqualTo("cpu (3 threads, double)");
        }
    }

    /** docs/indicators.md: the fast stochastic, TA-Lib's STOCHF(n, d), is stoch:n:1:sma:d. */
    @Test
    void stochWithSlowK1IsTaLibsFastStochastic() {
        BarSeries s = RandomBars.flatStretches("F", 5, 2000);
        TaLibCResult fast = TaLibC.call("STOCHF", new double[][] {s.high(), s.low(), s.close()}, 14, 3, 0);
        Indicator spec = Indicators.stoch(14, 1, 3);
        try (ComputeBackend cpu = new CpuBackend(1)) {
            IndicatorValues v = cpu.compute(s, List.of(spec));
            assertThat(fast.begIdx()).isEqualTo(spec.lookback());
            assertThat(v.series(spec.outputs().get(0).column(), 0)).containsExactly(fast.values(0));
            assertThat(v.series(spec.outputs().get(1).column(), 0)).containsExactly(fast.values(1));
        }
    }

    /** Every output's first value is at its lookback, on a series long enough for all. */
    @Test
    void firstValuesAreAtTheLookbacks() {
        BarSeries s = RandomBars.randomWalk("W", 9, 600);
        try (ComputeBackend cpu = new CpuBackend(1)) {
            for (Indicator spec : BackendConformanceTest.specs()) {
                if (spec.lookback() >= s.size()) continue;
                IndicatorValues v = cpu.compute(s, List.of(spec));
                for (Output o : spec.outputs()) {
                    double[] x = v.series(o.column(), 0);
                    if (o.lookback() > 0) assertThat(x[o.lookback() - 1]).as(o.column()).isNaN();
                    assertThat(x[o.lookback()]).as(o.column()).isFinite();
                }
            }
        }
    }
}
