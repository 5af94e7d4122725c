package org.hybridta.xsection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.hybridta.backend.BackendOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The measures against {@link PearsonReference}, pair by pair, within 1e-10: correlations absolutely, covariances
 * relative to the product of the two standard deviations.
 */
class CrossSectionTest {
    static final double TOL = 1e-10;

    static AlignedReturns returns(double[][] rows) {
        List<String> symbols = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        for (int s = 0; s < rows.length; s++) symbols.add("S" + s);
        for (int t = 0; t < rows[0].length; t++) dates.add(LocalDate.of(2020, 1, 1).plusDays(t));
        return AlignedReturns.of(symbols, dates, List.of(rows));
    }

    static CrossSection.Builder cpu() {
        return CrossSection.builder().backend("cpu").backendOptions(BackendOptions.builder().threads(3).build());
    }

    /** Asserts both matrices equal the reference over {@code [from, to)} of {@code rows}. */
    static void assertMatchesReference(double[][] rows, int from, int to, CrossSectionResult.Window w) {
        SymbolMatrix corr = w.correlation().orElseThrow(), cov = w.covariance().orElseThrow();
        int n = rows.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double[] ref = PearsonReference.pair(rows[i], rows[j], from, to);
                if (ref[2] < CrossSection.MIN_DAYS) {
                    assertThat(corr.get(i, j)).as("corr %d,%d with %s days", i, j, ref[2]).isNaN();
                    continue;
                }
                assertThat(corr.get(i, j)).as("corr %d,%d", i, j).isCloseTo(i == j ? 1.0 : ref[1], org.assertj.core.data.Offset.offset(TOL));
                double scale = Math.sqrt(PearsonReference.pair(rows[i], rows[i], from, to)[0] * PearsonReference.pair(rows[j], rows[j], from, to)[0]);
                assertThat(cov.get(i, j)).as("cov %d,%d", i, j).isCloseTo(ref[0], org.assertj.core.data.Offset.offset(TOL * scale));
                assertThat(cov.get(i, j)).isEqualTo(cov.get(j, i));
            }
        }
    }

    @ParameterizedTest(name = "{0} symbols x {1} days, {2} missing")
    @CsvSource({"5,40,0", "37,300,0", "37,300,0.05", "300,90,0", "300,90,0.1"})
    void fullSampleEqualsPairwisePearson(int symbols, int days, double missing) {
        double[][] rows = PearsonReference.returns(symbols * 7L + days, symbols, days, missing);
        CrossSectionResult r = cpu().build().analyze(returns(rows));
        assertThat(r.windows()).hasSize(1);
        assertThat(r.last().days()).isEqualTo(days);
        assertMatchesReference(rows, 0, days, r.last());
        assertThat(r.engine()).startsWith("cpu");
    }

    @Test void dropUsesOnlyTheDaysEverySymbolHas() {
        double[][] rows = PearsonReference.returns(5, 20, 200, 0.03);
        CrossSectionResult r = cpu().missingDays(MissingDays.DROP).build().analyze(returns(rows));
        List<Integer> kept = new ArrayList<>();
        for (int t = 0; t < 200; t++) {
            boolean all = true;
            for (double[] row : rows) all &= !Double.isNaN(row[t]);
            if (all) kept.add(t);
        }
        assertThat(kept.size()).isBetween(CrossSection.MIN_DAYS, 199);
        double[][] complete = new double[rows.length][kept.size()];
        for (int s = 0; s < rows.length; s++) for (int k = 0; k < kept.size(); k++) complete[s][k] = rows[s][kept.get(k)];
        assertThat(r.last().days()).isEqualTo(kept.size());
        assertMatchesReference(complete, 0, kept.size(), r.last());
        // and it differs from pairwise-complete, which uses more days
        CrossSectionResult pairwise = cpu().build().analyze(returns(rows));
        assertThat(pairwise.last().correlation().orElseThrow().get(0, 1)).isNotEqualTo(r.last().correlation().orElseThrow().get(0, 1));
    }

    @Test void betaIsCovarianceOverTheBenchmarksVariance() {
        double[][] rows = PearsonReference.returns(11, 12, 250, 0);
        CrossSectionResult r = cpu().benchmark("S3").build().analyze(returns(rows));
        SymbolMatrix cov = r.last().covariance().orElseThrow(), corr = r.last().correlation().orElseThrow();
        assertThat(r.benchmark()).contains("S3");
        for (Beta b : r.last().betas()) {
            int i = cov.indexOf(b.symbol());
            assertThat(b.beta()).as(b.symbol()).isCloseTo(cov.get(i, 3) / cov.get(3, 3), org.assertj.core.data.Offset.offset(TOL * Math.abs(b.beta()) + 1e-14));
            assertThat(b.correlation()).isCloseTo(corr.get(i, 3), org.assertj.core.data.Offset.offset(TOL));
            assertThat(b.days()).isEqualTo(250);
        }
        assertThat(r.last().betas().get(3).beta()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test void pairwiseBetasUseTheCommonDaysAndTheEqualWeightedUniverse() {
        double[][] rows = PearsonReference.returns(12, 15, 220, 0.05);
        CrossSectionResult r = cpu().build().analyze(returns(rows));
        assertThat(r.benchmark()).contains(CrossSection.EQUAL_WEIGHTED);
        double[] ew = new double[220];
        for (int t = 0; t < 220; t++) {
            double sum = 0;
            int n = 0;
            for (double[] row : rows) {
                if (!Double.isNaN(row[t])) {
                    sum += row[t];
                    n++;
                }
            }
            ew[t] = sum / n;
        }
        for (int i = 0; i < rows.length; i++) {
            double[] withBench = PearsonReference.pair(rows[i], ew, 0, 220);
            double benchOnCommon = varianceOnCommon(ew, rows[i]);
            Beta b = r.last().betas().get(i);
            assertThat(b.beta()).isCloseTo(withBench[0] / benchOnCommon, org.assertj.core.data.Offset.offset(TOL));
            assertThat(b.correlation()).isCloseTo(withBench[1], org.assertj.core.data.Offset.offset(TOL));
            assertThat(b.days()).isEqualTo((int) withBench[2]);
        }
    }

    private static double varianceOnCommon(double[] bench, double[] other) {
        double[] masked = bench.clone();
        for (int t = 0; t < masked.length; t++) if (Double.isNaN(other[t])) masked[t] = Double.NaN;
        return PearsonReference.pair(masked, masked, 0, masked.length)[0];
    }

    @ParameterizedTest(name = "window {0}, step {1}, missing {2}")
    @CsvSource({"20,7,0", "30,1,0.05", "60,25,0.1"})
    void rollingWindowsEqualTheFullSampleOfEachWindow(int window, int step, double missing) {
        double[][] rows = PearsonReference.returns(window + step, 9, 120, missing);
        AlignedReturns all = returns(rows);
        CrossSectionResult rolling = cpu().rolling(window, step).benchmark("S1").build().analyze(all);
        int expected = (120 - window) / step + 1;
        assertThat(rolling.windows()).hasSize(expected);
        assertThat(rolling.last().last()).isEqualTo(all.date(119));
        for (int k = 0; k < expected; k++) {
            int end = 120 - (expected - 1 - k) * step;
            CrossSectionResult.Window w = rolling.windows().get(k);
            assertThat(w.first()).isEqualTo(all.date(end - window));
            assertThat(w.days()).isEqualTo(window);
            CrossSectionResult.Window alone = cpu().benchmark("S1").build().analyze(all.slice(end - window, end)).last();
            for (int i = 0; i < 9; i++) {
                for (int j = 0; j < 9; j++) {
                    assertClose(w.correlation().orElseThrow().get(i, j), alone.correlation().orElseThrow().get(i, j), TOL);
                    assertClose(w.covariance().orElseThrow().get(i, j), alone.covariance().orElseThrow().get(i, j), TOL * 1e-3);
                }
                assertClose(w.betas().get(i).beta(), alone.betas().get(i).beta(), TOL);
            }
        }
    }

    private static void assertClose(double actual, double expected, double tol) {
        if (Double.isNaN(expected)) assertThat(actual).isNaN();
        else assertThat(actual).isCloseTo(expected, org.assertj.core.data.Offset.offset(tol));
    }

    @Test void measuresNotAskedForAreAbsent() {
        double[][] rows = PearsonReference.returns(1, 4, 30, 0);
        CrossSectionResult r = cpu().measures(EnumSet.of(Measure.BETA)).build().analyze(returns(rows));
        assertThat(r.last().correlation()).isEmpty();
        assertThat(r.last().covariance()).isEmpty();
        assertThat(r.last().betas()).hasSize(4);
        assertThat(r.engine()).contains("betas only");
        CrossSectionResult c = cpu().measures(EnumSet.of(Measure.CORRELATION)).build().analyze(returns(rows));
        assertThat(c.last().covariance()).isEmpty();
        assertThat(c.last().betas()).isEmpty();
        assertThat(c.benchmark()).isEmpty();
    }

    @Test void aSeriesFlatOverAWindowHasNoCorrelationThere() {
        double[][] rows = PearsonReference.returns(3, 3, 60, 0);
        for (int t = 30; t < 60; t++) rows[2][t] = 0.001;   // flat for the second half
        CrossSectionResult r = cpu().rolling(20, 10).build().analyze(returns(rows));
        CrossSectionResult.Window lastWindow = r.last();
        assertThat(lastWindow.correlation().orElseThrow().get(0, 2)).isNaN();
        assertThat(lastWindow.correlation().orElseThrow().get(2, 2)).isNaN();
        assertThat(lastWindow.covariance().orElseThrow().get(2, 2)).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-18));
        assertThat(r.windows().get(0).correlation().orElseThrow().get(0, 2)).isBetween(-1.0, 1.0);
    }

    @Test void anUnknownBenchmarkIsOneLine() {
        double[][] rows = PearsonReference.returns(2, 3, 30, 0);
        assertThatThrownBy(() -> cpu().benchmark("SPY").build().analyze(returns(rows)))
                .isInstanceOf(CrossSectionException.class)
                .hasMessage("benchmark SPY is not among the 3 symbols of the returns; add its returns, or use the equal-weighted benchmark");
    }

    @Test void tooFewDaysIsOneLine() {
        double[][] rows = PearsonReference.returns(2, 3, 2, 0);
        assertThatThrownBy(() -> cpu().build().analyze(returns(rows))).isInstanceOf(CrossSectionException.class)
                .hasMessageStartingWith("too few days: 2 days of returns").hasMessageContaining("(need 3)").hasMessageNotContaining("\n");
        double[][] longer = PearsonReference.returns(2, 3, 40, 0);
        assertThatThrownBy(() -> cpu().rolling(63, 1).build().analyze(returns(longer)))
                .hasMessageContaining("40 days of returns").hasMessageContaining("need 63 for the rolling window").hasMessageContaining("--window");
        double[][] sparse = PearsonReference.returns(2, 3, 40, 0);
        for (int t = 0; t < 39; t++) sparse[1][t] = Double.NaN;
        assertThatThrownBy(() -> cpu().build().analyze(returns(sparse))).hasMessage(
                "S1 has 1 day of returns (needs at least 3): its correlations are undefined; leave it out of --symbols");
        assertThatThrownBy(() -> cpu().missingDays(MissingDays.DROP).build().analyze(returns(sparse)))
                .hasMessageStartingWith("too few days: 1 of 40 days have a return for every symbol (S1 has returns on only 1)");
    }

    @Test void aConstantSeriesIsOneLine() {
        double[][] rows = PearsonReference.returns(2, 4, 30, 0);
        java.util.Arrays.fill(rows[2], 0.0);
        assertThatThrownBy(() -> cpu().build().analyze(returns(rows))).isInstanceOf(CrossSectionException.class).hasMessage(
                "S2 has the same return, 0.0, on all its 30 days (flat prices): its correlations are undefined; leave it out of --symbols");
        double[][] flatBench = PearsonReference.returns(2, 4, 30, 0);
        java.util.Arrays.fill(flatBench[1], 0.0);
        assertThatThrownBy(() -> cpu().benchmark("S1").build().analyze(returns(flatBench)))
                .hasMessageStartingWith("benchmark S1 has the same return").hasMessageEndingWith("choose another --benchmark");
    }
}
