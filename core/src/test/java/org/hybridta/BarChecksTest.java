package org.hybridta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.hybridta.source.FailureKind;
import org.hybridta.source.FetchResult;
import org.junit.jupiter.api.Test;

class BarChecksTest {
    private static final LocalDate D = LocalDate.of(2024, 3, 4);

    /** One bar on D (open, high, low, close, adj close, volume), after a good bar the day before. */
    private static BarSeries bar(double o, double h, double l, double c, double adj, double v) {
        return BarSeries.of("X", new LocalDate[] {D.minusDays(1), D}, new double[] {10, o}, new double[] {11, h}, new double[] {9, l},
                new double[] {10.5, c}, new double[] {10.5, adj}, new double[] {100, v});
    }

    private static String problem(BarSeries s) {
        BarChecks.Report r = BarChecks.check(s);
        assertThat(r.impossible()).isEqualTo(1);
        assertThat(r.first()).isEqualTo(D);
        return r.summary();
    }

    @Test
    void aPlausibleSeriesIsClean() {
        BarChecks.Report r = BarChecks.check(bar(10, 12, 9, 11, 10.9, 0));
        assertThat(r.isClean()).isTrue();
        assertThat(r.impossible()).isZero();
        // a flat day (a halted stock, an index at open) is not impossible
        assertThat(BarChecks.check(bar(10, 10, 10, 10, 10, 0)).isClean()).isTrue();
    }

    @Test
    void eachImpossibleBarIsFoundWithItsDateAndWhy() {
        assertThat(problem(bar(10, 12, 9, 0, 0, 1))).isEqualTo("1 impossible bar: 2024-03-04 close 0 is not above 0");
        assertThat(problem(bar(-1, 12, -2, 11, 11, 1))).isEqualTo("1 impossible bar: 2024-03-04 open -1 is not above 0");
        assertThat(problem(bar(10, 9, 12, 11, 11, 1))).isEqualTo("1 impossible bar: 2024-03-04 high 9 is below low 12");
        assertThat(problem(bar(13, 12, 9, 11, 11, 1))).isEqualTo("1 impossible bar: 2024-03-04 open 13 is above high 12");
        assertThat(problem(bar(10, 12, 9, 8.5, 8.5, 1))).isEqualTo("1 impossible bar: 2024-03-04 close 8.5 is below low 9");
        assertThat(problem(bar(10, 1.7e308, 9, 1.7e308, 1.7e308, 1)))
                .isEqualTo("1 impossible bar: 2024-03-04 high 1.7E308 is above 1.0E12, not a price");
        assertThat(problem(bar(10, 12, 9, 11, 11, 1e300))).isEqualTo("1 impossible bar: 2024-03-04 volume 1.0E300 is above 1.0E18, not a volume");
    }

    @Test
    void manyImpossibleBarsAreCountedAndTheFirstFewNamed() {
        int n = 1000;
        LocalDate[] days = new LocalDate[n];
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
        for (int i = 0; i < n; i++) {
            days[i] = D.plusDays(i);
            o[i] = 1;
            h[i] = 1;
            l[i] = 2;   // high below low on every bar
            c[i] = 1;
            v[i] = 1;
        }
        BarChecks.Report r = BarChecks.check(BarSeries.of("Y", days, o, h, l, c, null, v));
        assertThat(r.impossible()).isEqualTo(n);
        assertThat(r.first()).isEqualTo(D);
        assertThat(r.summary()).startsWith("1000 impossible bars: 2024-03-04 high 1 is below low 2; 2024-03-05 high 1 is below low 2; "
                + "2024-03-06 high 1 is below low 2; …").hasSizeLessThan(200);
    }

    @Test
    void strictRefusesTheSymbolAndOtherwiseTheBarsPassWithAWarning() {
        BarSeries bad = bar(10, 9, 12, 11, 11, 1);
        FetchResult refused = BarChecks.apply(FetchResult.ok(bad), true);
        assertThat(refused).isInstanceOf(FetchResult.Failed.class);
        FetchResult.Failed f = (FetchResult.Failed) refused;
        assertThat(f.kind()).isEqualTo(FailureKind.BAD_DATA);
        assertThat(f.symbol()).isEqualTo("X");
        assertThat(f.reason()).isEqualTo("1 impossible bar: 2024-03-04 high 9 is below low 12 (refused: strict checking)");

        String log = StdErr.of(() -> assertThat(BarChecks.apply(FetchResult.ok(bad), false)).isEqualTo(FetchResult.ok(bad)));
        assertThat(log).contains("WARN", "X: 1 impossible bar: 2024-03-04 high 9 is below low 12").hasLineCount(1);
        // failures and clean series pass untouched, silently
        FetchResult failed = FetchResult.failed("Z", FailureKind.NOT_FOUND, "no such symbol");
        assertThat(StdErr.of(() -> {
            assertThat(BarChecks.apply(failed, true)).isSameAs(failed);
            assertThat(BarChecks.apply(FetchResult.ok(bar(10, 12, 9, 11, 11, 1)), true).isOk()).isTrue();
        })).isEmpty();
    }
}
