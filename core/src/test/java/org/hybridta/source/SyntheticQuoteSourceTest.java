package org.hybridta.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.hybridta.BarSeries;
import org.hybridta.Universe;
import org.junit.jupiter.api.Test;

class SyntheticQuoteSourceTest {
    private static final LocalDate FROM = LocalDate.of(2015, 1, 1), TO = LocalDate.of(2025, 1, 1);

    private static BarSeries bars(QuoteSource s, String symbol, LocalDate from, LocalDate to) {
        FetchResult r = s.fetch(Constituent.of(symbol), from, to);
        assertThat(r.isOk()).as(symbol + " " + r).isTrue();
        return ((FetchResult.Ok) r).series();
    }

    @Test
    void sameRequestSameBarsAcrossInstances() {
        assertThat(bars(SyntheticQuoteSource.create(), "AAPL", FROM, TO)).isEqualTo(bars(SyntheticQuoteSource.create(), "AAPL", FROM, TO));
    }

    @Test
    void barsDoNotDependOnTheRequestedRange() {
        SyntheticQuoteSource s = SyntheticQuoteSource.create();
        BarSeries whole = bars(s, "MSFT", FROM, TO);
        BarSeries part = bars(s, "MSFT", LocalDate.of(2020, 3, 1), LocalDate.of(2020, 6, 1));
        assertThat(whole.between(LocalDate.of(2020, 3, 1), LocalDate.of(2020, 6, 1))).isEqualTo(part);
    }

    @Test
    void symbolsAndSeedsDiffer() {
        SyntheticQuoteSource s = SyntheticQuoteSource.create();
        assertThat(bars(s, "AAPL", FROM, TO).close()).isNotEqualTo(bars(s, "MSFT", FROM, TO).close());
        assertThat(bars(SyntheticQuoteSource.withSeed(7), "AAPL", FROM, TO).close()).isNotEqualTo(bars(s, "AAPL", FROM, TO).close());
    }

    @Test
    void barsAreConsistentOnTheTradingCalendar() {
        SyntheticQuoteSource s = SyntheticQuoteSource.create();
        int listedLate = 0;
        for (String symbol : Universe.sp500().first(60).symbols()) {
            BarSeries b = bars(s, symbol, FROM, TO);
            double[] o = b.open(), h = b.high(), l = b.low(), c = b.close(), v = b.volume();
            for (int t = 0; t < b.size(); t++) {
                assertThat(h[t]).isGreaterThanOrEqualTo(Math.max(o[t], c[t]));
                assertThat(l[t]).isLessThanOrEqualTo(Math.min(o[t], c[t])).isGreaterThan(0);
                assertThat(v[t]).isGreaterThan(0).isEqualTo(Math.rint(v[t]));
                assertThat(Math.rint(c[t] * 100) / 100).isEqualTo(c[t]);
                assertThat(TradingCalendar.isTradingDay(b.date(t))).isTrue();
            }
            assertThat(b.size()).isEqualTo(s.expectedBars(Constituent.of(symbol), FROM, TO));
            if (b.size() < TradingCalendar.tradingDays(FROM, TO)) listedLate++;
        }
        // some symbols list during the range, so series differ in length
        assertThat(listedLate).isBetween(1, 30);
    }

    @Test
    void returnsLookLikeAMarket() {
        BarSeries b = bars(SyntheticQuoteSource.create(), "JPM", FROM, TO);
        double[] c = b.close();
        double sum = 0, sumSq = 0;
        for (int t = 1; t < c.length; t++) {
            double r = Math.log(c[t] / c[t - 1]);
            sum += r;
            sumSq += r * r;
        }
        int n = c.length - 1;
        double annualVol = Math.sqrt((sumSq / n - (sum / n) * (sum / n)) * 252);
        assertThat(annualVol).isBetween(0.1, 0.7);
    }

    @Test
    void emptyOrEarlyRangesAreTypedFailures() {
        SyntheticQuoteSource s = SyntheticQuoteSource.create();
        FetchResult empty = s.fetch(Constituent.of("AAPL"), TO, TO);
        assertThat(empty).isInstanceOf(FetchResult.Failed.class);
        assertThat(((FetchResult.Failed) empty).kind()).isEqualTo(FailureKind.NO_DATA);
        FetchResult weekend = s.fetch(Constituent.of("AAPL"), LocalDate.of(2024, 6, 22), LocalDate.of(2024, 6, 24));
        assertThat(((FetchResult.Failed) weekend).kind()).isEqualTo(FailureKind.NO_DATA);
        FetchResult early = s.fetch(Constituent.of("AAPL"), LocalDate.of(1990, 1, 1), LocalDate.of(1999, 1, 1));
        assertThat(((FetchResult.Failed) early).reason()).contains("lists on");
    }
}
