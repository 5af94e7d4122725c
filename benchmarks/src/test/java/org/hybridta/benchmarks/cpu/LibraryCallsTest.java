package org.hybridta.benchmarks.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.stream.Stream;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.conformance.TaLibC;
import org.hybridta.conformance.TaLibCCall;
import org.hybridta.conformance.TaLibCResult;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.indicator.Output;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The three libraries compute the same indicator in every benchmark: otherwise the race would be unfair. */
class LibraryCallsTest {
    private static final int N = 3000;
    private static BarSeries series;
    private static org.ta4j.core.BarSeries ta4jSeries;
    private static ComputeBackend cpu;

    @BeforeAll static void setUp() {
        series = SeededBars.series("T", 7, N);
        ta4jSeries = Ta4jCalls.series(series);
        cpu = Backends.open("cpu");
    }

    @AfterAll static void tearDown() {
        cpu.close();
    }

    static Stream<Indicator> catalog() {
        return Indicators.catalog().stream();
    }

    static Stream<Indicator> ta4jCatalog() {
        return Indicators.catalog().stream().filter(Ta4jCalls::has);
    }

    private static double[] hybridta(Indicator spec, int output) {
        IndicatorValues v = cpu.compute(series, List.of(spec));
        return v.series(spec.outputs().get(output).column(), 0);
    }

    /** TA-Lib C's prepared call gives HybridTA's values (bit for bit: the same arithmetic), placed at TA-Lib's begIdx. */
    @ParameterizedTest @MethodSource("catalog")
    void talibCallsGiveHybridtasValues(Indicator spec) {
        assumeTrue(TaLibC.available(), () -> "skipped: TA-Lib C is not available: " + TaLibC.whyUnavailable());
        try (TaLibCCall call = TaLibCalls.prepare(spec, series)) {
            call.run();
            TaLibCResult r = call.result();
            assertThat(r.begIdx()).isEqualTo(spec.lookback());
            for (int k = 0; k < spec.outputs().size(); k++) {
                assertThat(r.values(k)).as(spec.outputs().get(k).column()).containsExactly(hybridta(spec, k));
            }
        }
    }

    /**
     * ta4j seeds its averages differently (first value instead of an SMA), so values agree once the seed has
     * faded; compared on the last third of the series. Its OBV starts at 0 where TA-Lib's starts at the first
     * volume, a constant offset.
     */
    @ParameterizedTest @MethodSource("ta4jCatalog")
    void ta4jCallsComputeTheSameIndicator(Indicator spec) {
        double[][] t = Ta4jCalls.compute(spec, ta4jSeries);
        assertThat(t.length).isEqualTo(spec.outputs().size());
        double offset = spec.name().equals("obv") ? series.volume()[0] : 0;
        for (int k = 0; k < t.length; k++) {
            double[] h = hybridta(spec, k);
            assertThat(t[k]).hasSize(N);
            for (int i = 2 * N / 3; i < N; i++) {
                assertThat(t[k][i] + offset).as("%s at bar %d", spec.outputs().get(k).column(), i)
                        .isCloseTo(h[i], within(1e-9 * Math.max(1, Math.abs(h[i]))));
            }
        }
    }

    @Test
    void composedStochAndWillrEqualTa4jsOwnClasses() {
        org.ta4j.core.BarSeries shorter = Ta4jCalls.series(SeededBars.series("T", 8, 1500));
        for (Indicator spec : List.of(Indicators.stoch(14, 3, 3), Indicators.willr(14))) {
            double[][] composed = Ta4jCalls.compute(spec, shorter);
            double[][] own = Ta4jCalls.computeWithOwnClasses(spec, shorter);
            for (int k = 0; k < own.length; k++) {
                for (int i = 0; i < own[k].length; i++) {
                    assertThat(composed[k][i]).as("%s output %d at bar %d", spec.spec(), k, i).isCloseTo(own[k][i], within(1e-9));
                }
            }
        }
    }

    @Test
    void seededBarsAreDeterministicAndConsistent() {
        BarSeries a = SeededBars.series("A", 5, 10_000), b = SeededBars.series("A", 5, 10_000);
        assertThat(a).isEqualTo(b);
        assertThat(SeededBars.series("A", 6, 10_000)).isNotEqualTo(a);
        double[] o = a.open(), h = a.high(), l = a.low(), c = a.close(), v = a.volume();
        for (int i = 0; i < a.size(); i++) {
            assertThat(h[i]).isGreaterThanOrEqualTo(Math.max(o[i], c[i]));
            assertThat(l[i]).isLessThanOrEqualTo(Math.min(o[i], c[i])).isPositive();
            assertThat(v[i]).isNotNegative();
        }
        assertThat(SeededBars.universe(3, 100, 1)).extracting(BarSeries::symbol).containsExactly("S000", "S001", "S002");
    }
}
