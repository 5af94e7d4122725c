package org.hybridta.benchmarks.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tictactec.ta.lib.Core;
import java.util.List;
import java.util.stream.Stream;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;
import org.hybridta.backend.Backends;
import org.hybridta.backend.ComputeBackend;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.hybridta.indicator.Obv;
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

    private static double[] hybridta(Indicator spec, int output) {
        IndicatorValues v = cpu.compute(series, List.of(spec));
        return v.series(spec.outputs().get(output).column(), 0);
    }

    /** TA-Lib writes its values from index 0; HybridTA's line up with the bars, from the output's lookback. */
    @ParameterizedTest @MethodSource("catalog")
    void talibCallsGiveHybridtasValues(Indicator spec) {
        double[][] talib = TaLibCalls.compute(new Core(), spec, TaLibCalls.Inputs.of(series));
        assertThat(talib.length).isEqualTo(spec.outputs().size());
        for (int k = 0; k < talib.length; k++) {
            Output o = spec.outputs().get(k);
            double[] h = hybridta(spec, k);
            assertThat(talib[k]).hasSize(N);
            for (int i = o.lookback(); i < N; i++) {
                assertThat(talib[k][i - o.lookback()]).as("%s at bar %d", o.column(), i).isEqualTo(h[i]);
            }
        }
    }

    /**
     * ta4j seeds its averages differently (first value instead of an SMA), so values agree once the seed has
     * faded; compared on the last third of the series. Its OBV starts at 0 where TA-Lib's starts at the first
     * volume, a constant offset.
     */
    @ParameterizedTest @MethodSource("catalog")
    void ta4jCallsComputeTheSameIndicator(Indicator spec) {
        double[][] t = Ta4jCalls.compute(spec, ta4jSeries);
        assertThat(t.length).isEqualTo(spec.outputs().size());
        double offset = spec instanceof Obv ? series.volume()[0] : 0;
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
