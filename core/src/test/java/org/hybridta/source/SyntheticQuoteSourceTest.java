package org.hybridta.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.hybridta.BarSeries;
import org.hybridta.Field;
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

    /** SPY, the synthetic market's index fund, follows the market factor: it moves with the average member, far more than a member does. */
    @Test
    void spyFollowsTheMarket() {
        SyntheticQuoteSource s = SyntheticQuoteSource.create();
        double[] spy = logReturns(bars(s, "SPY", FROM, TO));
        List<String> members = Universe.sp500().symbols().subList(0, 60);
        double[] average = new double[spy.length];
        int counted = 0;
        for (String m : members) {
            BarSeries b = bars(s, m, FROM, TO);
            if (b.size() != spy.length + 1) continue;   // listed late
            double[] r = logReturns(b);
            for (int t = 0; t < r.length; t++) average[t] += r[t];
            counted++;
        }
        assertThat(counted).isGreaterThan(30);
        double[] member = logReturns(bars(s, members.get(0), FROM, TO));
        assertThat(correlation(spy, average)).isGreaterThan(0.95);   // 0.98 with seed 42
        assertThat(correlation(member, average)).isLessThan(0.9);    // 0.84: a member has its own moves too
    }

    private static double[] logReturns(BarSeries b) {
        double[] c = b.close(), r = new double[c.length - 1];
        for (int t = 1; t < c.length; t++) r[t - 1] = Math.log(c[t] / c[t - 1]);
        return r;
    }

    private static double correlation(double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        double ma = 0, mb = 0;
        for (int t = 0; t < n; t++) { ma += a[t]; mb += b[t]; }
        ma /= n;
        mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (int t = 0; t < n; t++) {
            sab += (a[t] - ma) * (b[t] - mb);
            saa += (a[t] - ma) * (a[t] - ma);
            sbb += (b[t] - mb) * (b[t] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
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

    // ---- what it has ------------------------------------------------------------------------------------------

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
    private static final java.time.Clock CLOCK = java.time.Clock.fixed(TODAY.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC),
            java.time.ZoneOffset.UTC);

    @Test
    void onlyTheSp500sSymbolsUnlessAnySymbolIsAskedFor() {
        SyntheticQuoteSource s = SyntheticQuoteSource.builder().clock(CLOCK).build();
        for (String known : List.of("AAPL", "BRK.B", "BRK-B", "brk.b")) assertThat(s.fetch(Constituent.of(known), FROM, TO).isOk()).as(known).isTrue();
        for (String unknown : List.of("ZZZZ", "NOTREAL", "SYN0001")) {
            FetchResult.Failed f = (FetchResult.Failed) s.fetch(Constituent.of(unknown), FROM, TO);
            assertThat(f.kind()).isEqualTo(FailureKind.NOT_FOUND);
            assertThat(f.reason()).startsWith(unknown + " is not in the synthetic market").contains("synthetic:any");
            assertThat(s.expectedBars(Constituent.of(unknown), FROM, TO)).isZero();
        }
        SyntheticQuoteSource any = SyntheticQuoteSource.builder().clock(CLOCK).anySymbol(true).build();
        assertThat(bars(any, "ZZZZ", FROM, TO).size()).isPositive();
        assertThat(any.name()).isEqualTo("synthetic:any");
        assertThat(s.name()).isEqualTo("synthetic");
        // the option only refuses requests: the bars of a known symbol are the same
        assertThat(bars(any, "AAPL", FROM, TO)).isEqualTo(bars(s, "AAPL", FROM, TO));
        assertThat(s.isSynthetic()).isTrue();
        assertThat(CachingQuoteSource.wrap(s, java.nio.file.Path.of("unused")).isSynthetic()).isTrue();
    }

    @Test
    void noBarsAfterTodayUnlessFutureDatesAreAskedFor() {
        SyntheticQuoteSource s = SyntheticQuoteSource.builder().clock(CLOCK).build();
        FetchResult.Failed f = (FetchResult.Failed) s.fetch(Constituent.of("AAPL"), LocalDate.of(2025, 1, 1), LocalDate.of(2030, 1, 1));
        assertThat(f.kind()).isEqualTo(FailureKind.NO_DATA);
        assertThat(f.reason()).isEqualTo("the synthetic market has no bars after today (2025-06-02): it does not make up the future; "
                + "ask for dates up to 2025-06-03 (exclusive)");
        BarSeries toToday = bars(s, "AAPL", LocalDate.of(2025, 5, 1), TODAY.plusDays(1));
        assertThat(toToday.date(toToday.size() - 1)).isEqualTo(TODAY);
        SyntheticQuoteSource future = SyntheticQuoteSource.builder().clock(CLOCK).futureDates(true).build();
        assertThat(bars(future, "AAPL", LocalDate.of(2030, 1, 1), LocalDate.of(2031, 1, 1)).size()).isEqualTo(
                TradingCalendar.tradingDays(LocalDate.of(2030, 1, 1), LocalDate.of(2031, 1, 1)));
    }

    // ---- a plausible market -------------------------------------------------------------------------------------

    /** The whole S&P 500 from 2000 to the clock's today: 3 million bars, the market a new user sees first. */
    private static List<BarSeries> sp500() {
        SyntheticQuoteSource s = SyntheticQuoteSource.builder().clock(CLOCK).build();
        return Universe.sp500().symbols().stream().map(sym -> bars(s, sym, SyntheticQuoteSource.MARKET_OPEN, TODAY.plusDays(1))).toList();
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    @Test
    void closesStayInARealisticBandOnEveryDate() {
        List<BarSeries> all = sp500();
        double min = Double.MAX_VALUE, max = 0;
        for (BarSeries b : all) for (double c : b.close()) {
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        assertThat(min).as("the lowest close of any symbol on any day").isGreaterThanOrEqualTo(1);
        assertThat(max).as("the highest close of any symbol on any day").isLessThanOrEqualTo(5000);
        for (String d : List.of("2000-03-01", "2008-11-20", "2015-06-01", "2024-12-30", "2025-05-30")) {
            int day = (int) LocalDate.parse(d).toEpochDay();
            double[] closes = all.stream().flatMapToDouble(b -> {
                for (int t = 0; t < b.size(); t++) if (b.epochDay(t) == day) return java.util.stream.DoubleStream.of(b.get(Field.CLOSE, t));
                return java.util.stream.DoubleStream.empty();
            }).sorted().toArray();
            assertThat(closes.length).as(d).isGreaterThan(400);
            assertThat(percentile(closes, 0.05)).as("5th percentile on " + d).isBetween(5.0, 40.0);
            assertThat(percentile(closes, 0.95)).as("95th percentile on " + d).isBetween(80.0, 800.0);
        }
    }

    @Test
    void everyDayHasARealRangeAndNothingIsFlat() {
        List<Double> ranges = new java.util.ArrayList<>();
        for (BarSeries b : sp500()) {
            double[] o = b.open(), h = b.high(), l = b.low(), c = b.close(), v = b.volume();
            int sameClose = 0;
            for (int t = 0; t < b.size(); t++) {
                String at = b.symbol() + " " + b.date(t);
                assertThat(h[t]).as(at).isGreaterThan(Math.max(o[t], c[t]));
                assertThat(l[t]).as(at).isLessThan(Math.min(o[t], c[t])).isGreaterThan(0);
                assertThat(v[t]).as(at).isGreaterThan(0).isEqualTo(Math.rint(v[t]));
                sameClose = t > 0 && c[t] == c[t - 1] ? sameClose + 1 : 0;
                assertThat(sameClose).as("closes unchanged for days, up to " + at).isLessThan(4);
                ranges.add((h[t] - l[t]) / c[t]);
            }
        }
        double[] r = ranges.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        assertThat(percentile(r, 0.5)).as("the median day's range").isBetween(0.01, 0.03);
        assertThat(percentile(r, 0.1)).isGreaterThan(0.004);
        assertThat(percentile(r, 0.9)).isLessThan(0.06);
    }

    @Test
    void volatilityClustersAndVolumesArePlausible() {
        double acfSum = 0;
        List<Double> volumes = new java.util.ArrayList<>();
        List<BarSeries> all = sp500();
        for (BarSeries b : all) {
            double[] c = b.close(), a = new double[b.size() - 1];
            for (int t = 1; t < b.size(); t++) a[t - 1] = Math.abs(Math.log(c[t] / c[t - 1]));
            double mean = java.util.Arrays.stream(a).average().orElseThrow(), var = 0, cov = 0;
            for (int t = 0; t < a.length; t++) var += (a[t] - mean) * (a[t] - mean);
            for (int t = 5; t < a.length; t++) cov += (a[t] - mean) * (a[t - 5] - mean);
            acfSum += cov / var;
            for (double v : b.volume()) volumes.add(v);
        }
        // independent returns would give about 0: large moves follow large moves (GARCH)
        assertThat(acfSum / all.size()).as("mean autocorrelation of |returns| at lag 5").isGreaterThan(0.03);
        double[] v = volumes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        assertThat(percentile(v, 0.5)).isBetween(1e5, 1e8);
        assertThat(percentile(v, 0.01)).isGreaterThan(1e4);
    }

    @Test
    void theBarsOfADateDoNotDependOnWhatWasAskedBefore() {
        // the market factor is computed once per source and grown on demand: ask a short range first, then a long one
        SyntheticQuoteSource first = SyntheticQuoteSource.builder().clock(CLOCK).futureDates(true).build();
        BarSeries shortFirst = bars(first, "XOM", LocalDate.of(2001, 1, 1), LocalDate.of(2001, 2, 1));
        BarSeries longAfter = bars(first, "XOM", LocalDate.of(2001, 1, 1), LocalDate.of(2060, 1, 1));
        SyntheticQuoteSource second = SyntheticQuoteSource.builder().clock(CLOCK).futureDates(true).build();
        assertThat(bars(second, "XOM", LocalDate.of(2001, 1, 1), LocalDate.of(2060, 1, 1))).isEqualTo(longAfter);
        assertThat(longAfter.between(LocalDate.of(2001, 1, 1), LocalDate.of(2001, 2, 1))).isEqualTo(shortFirst);
        // and a bar is the same from a range starting on it, a day before, or years before
        for (LocalDate from : List.of(LocalDate.of(2020, 3, 2), LocalDate.of(2020, 2, 28), LocalDate.of(2005, 1, 1))) {
            assertThat(bars(second, "XOM", from, LocalDate.of(2020, 4, 1)).between(LocalDate.of(2020, 3, 2), LocalDate.of(2020, 4, 1)))
                    .isEqualTo(longAfter.between(LocalDate.of(2020, 3, 2), LocalDate.of(2020, 4, 1)));
        }
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
