package org.hybridta.yahoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hybridta.BarSeries;
import org.hybridta.source.Constituent;
import org.hybridta.source.FailureKind;
import org.hybridta.source.FetchResult;
import org.hybridta.yahoo.FakeYahoo.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YahooQuoteSourceTest {
    private static final LocalDate D2 = LocalDate.of(2024, 1, 2), D3 = D2.plusDays(1), D4 = D2.plusDays(2),
            D5 = D2.plusDays(3), D8 = D2.plusDays(6), D9 = D2.plusDays(7);

    private FakeYahoo yahoo;
    private YahooQuoteSource source;

    @BeforeEach void start() throws IOException {
        yahoo = FakeYahoo.start();
        source = fastSource().build();
    }

    @AfterEach void stop() {
        source.close();
        yahoo.close();
    }

    /** Short backoff so retry tests take milliseconds, not seconds. */
    private YahooQuoteSource.Builder fastSource() {
        return YahooQuoteSource.builder().baseUrl(yahoo.url()).backoff(Duration.ofMillis(10), Duration.ofMillis(40))
                .maxAttempts(3).responseTimeout(Duration.ofSeconds(5));
    }

    private static ChartJson ny(String symbol) { return ChartJson.chart(symbol, "America/New_York"); }

    /** Yahoo's answer for {@code symbol}: one bar on D2. */
    private static String oneBar(String symbol) { return ny(symbol).bar(D2, 1, 1, 1, 1, 1, 1).json(); }

    private FetchResult fetch(String symbol, LocalDate from, LocalDate to) {
        return source.fetch(Constituent.of(symbol), from, to);
    }

    private static BarSeries ok(FetchResult r) {
        assertThat(r).as("%s", r).isInstanceOf(FetchResult.Ok.class);
        return ((FetchResult.Ok) r).series();
    }

    private static FetchResult.Failed failed(FetchResult r, FailureKind kind) {
        assertThat(r).as("%s", r).isInstanceOf(FetchResult.Failed.class);
        FetchResult.Failed f = (FetchResult.Failed) r;
        assertThat(f.kind()).as(f.reason()).isEqualTo(kind);
        return f;
    }

    // ---- data ------------------------------------------------------------------------------------------------

    @Test void normalDataComesBackAsBarsWithTheRequestedQuery() {
        yahoo.on("AAPL", Reply.ok(ny("AAPL")
                .bar(D2, 187.15, 188.44, 183.89, 185.64, 184.94, 82488700)
                .bar(D3, 184.22, 185.88, 183.43, 184.25, 183.56, 58414500)
                .bar(D4, 182.15, 183.09, 180.88, 181.91, 181.22, 71983600).json()));

        BarSeries s = ok(fetch("AAPL", D2, D5));

        assertThat(s.symbol()).isEqualTo("AAPL");
        assertThat(s.size()).isEqualTo(3);
        assertThat(List.of(s.date(0), s.date(1), s.date(2))).containsExactly(D2, D3, D4);
        assertThat(s.open()).containsExactly(187.15, 184.22, 182.15);
        assertThat(s.high()).containsExactly(188.44, 185.88, 183.09);
        assertThat(s.low()).containsExactly(183.89, 183.43, 180.88);
        assertThat(s.close()).containsExactly(185.64, 184.25, 181.91);
        assertThat(s.adjClose()).containsExactly(184.94, 183.56, 181.22);
        assertThat(s.volume()).containsExactly(82488700, 58414500, 71983600);

        FakeYahoo.Seen req = yahoo.seen().get(0);
        assertThat(req.rawPath()).isEqualTo("/v8/finance/chart/AAPL");
        long p1 = D2.minusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long p2 = D5.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        assertThat(req.rawQuery()).isEqualTo("period1=" + p1 + "&period2=" + p2
                + "&interval=1d&events=div%2Csplits&includeAdjustedClose=true");
        assertThat(req.userAgent()).isEqualTo(YahooQuoteSource.DEFAULT_USER_AGENT);
    }

    @Test void cookiesSetByTheServerAreNeverSentBack() {
        yahoo.on("AAPL", Reply.ok(ny("AAPL").bar(D2, 1, 2, 0.5, 1.5, 1.4, 10).json()));
        ok(fetch("AAPL", D2, D3));
        ok(fetch("AAPL", D2, D3));
        assertThat(yahoo.seen()).hasSize(2).allSatisfy(s -> assertThat(s.cookie()).isNull());
    }

    @Test void splitsAndDividendsInTheRangeAreAvailable() throws Exception {
        yahoo.on("AAPL", Reply.ok(ny("AAPL")
                .bar(D2, 10, 11, 9, 10.5, 10.0, 100).bar(D3, 10, 11, 9, 10.5, 10.0, 100)
                .bar(D4, 5, 6, 4, 5.5, 5.5, 200).bar(D5, 5, 6, 4, 5.25, 5.25, 200)
                .dividend(LocalDate.of(2023, 12, 29), 0.11)                 // before the range
                .dividend(D3, 0.24)
                .split(D4, 2, 1)
                .dividend(D8, 0.30)                                          // at the (exclusive) end
                .json()));

        YahooChart chart = source.fetchChart(Constituent.of("AAPL"), D2, D8);

        assertThat(chart.dividends()).containsExactly(new YahooChart.Dividend(D3, 0.24));
        assertThat(chart.splits()).containsExactly(new YahooChart.Split(D4, 2, 1));
        assertThat(chart.splits().get(0).ratio()).isEqualTo(2.0);
        assertThat(chart.exchangeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(chart.currency()).isEqualTo("USD");
        assertThat(chart.yahooSymbol()).isEqualTo("AAPL");
        assertThat(chart.bars().size()).isEqualTo(4);
    }

    @Test void rowsWithNullPricesAreDroppedAndANullVolumeCountsAsZero() throws Exception {
        ChartJson c = ny("AAPL");
        long t2 = c.epoch(D2.atTime(9, 30)), t3 = c.epoch(D3.atTime(9, 30)), t4 = c.epoch(D4.atTime(9, 30)), t5 = c.epoch(D5.atTime(9, 30));
        c.row(t2, "10.0", "11.0", "9.0", "10.5", "10.4", "100")
                .row(t3, "null", "null", "null", "null", "null", "null")         // Yahoo's empty day
                .row(t4, "10.0", "11.0", "9.0", "null", "10.4", "100")           // one price missing
                .row(t5, "12.0", "13.0", "11.0", "12.5", "12.4", "null");        // no volume
        yahoo.on("AAPL", Reply.ok(c.json()));

        YahooChart chart = source.fetchChart(Constituent.of("AAPL"), D2, D8);

        assertThat(chart.bars().epochDays()).containsExactly((int) D2.toEpochDay(), (int) D5.toEpochDay());
        assertThat(chart.bars().close()).containsExactly(10.5, 12.5);
        assertThat(chart.bars().volume()).containsExactly(100, 0);
        assertThat(chart.droppedBars()).isEqualTo(2);
    }

    @Test void nonFiniteAdjCloseIsDerivedFromTheNextBarsAdjustmentFactor() throws Exception {
        ChartJson c = ny("XOM");
        long[] t = {c.epoch(D2.atTime(9, 30)), c.epoch(D3.atTime(9, 30)), c.epoch(D4.atTime(9, 30)), c.epoch(D5.atTime(9, 30))};
        // Yahoo writes these as bare tokens, which is not standard JSON
        c.row(t[0], "100", "101", "99", "100", "Infinity", "10")
                .row(t[1], "100", "101", "99", "110", "-Infinity", "10")
                .row(t[2], "100", "101", "99", "120", "108.0", "10")             // factor 0.9
                .row(t[3], "100", "101", "99", "130", "NaN", "10");              // nothing later: factor of the bar before
        yahoo.on("XOM", Reply.ok(c.json()));

        YahooChart chart = source.fetchChart(Constituent.of("XOM"), D2, D8);

        assertThat(chart.bars().adjClose()[0]).isCloseTo(90.0, within(1e-12));
        assertThat(chart.bars().adjClose()[1]).isCloseTo(99.0, within(1e-12));
        assertThat(chart.bars().adjClose()[2]).isEqualTo(108.0);
        assertThat(chart.bars().adjClose()[3]).isCloseTo(117.0, within(1e-12));
        assertThat(chart.filledAdjClose()).isEqualTo(3);
    }

    @Test void adjCloseAsQuotedWordsIsTreatedLikeTheBareTokens() throws Exception {
        ChartJson c = ny("XOM");
        c.row(c.epoch(D2.atTime(9, 30)), "100", "101", "99", "100", "\"Infinity\"", "10")
                .row(c.epoch(D3.atTime(9, 30)), "100", "101", "99", "100", "95.0", "10");
        yahoo.on("XOM", Reply.ok(c.json()));
        YahooChart chart = source.fetchChart(Constituent.of("XOM"), D2, D8);
        assertThat(chart.bars().adjClose()).containsExactly(95.0, 95.0);
    }

    @Test void missingAdjCloseFallsBackToClose() throws Exception {
        yahoo.on("%5EGSPC", Reply.ok(ny("^GSPC").withoutAdjClose()
                .bar(D2, 4745.2, 4754.33, 4722.67, 4742.83, 0, 3743050000L).json()));
        YahooChart chart = source.fetchChart(Constituent.of("^GSPC"), D2, D3);
        assertThat(chart.bars().adjClose()).containsExactly(4742.83);
        assertThat(chart.filledAdjClose()).isEqualTo(1);
    }

    @Test void rowsAtOrAfterTheEndAndBeforeTheStartAreDropped() {
        yahoo.on("MSFT", Reply.ok(ny("MSFT")
                .bar(LocalDate.of(2023, 12, 29), 1, 1, 1, 1, 1, 1)                // before from (Yahoo's margin)
                .bar(D2, 2, 2, 2, 2, 2, 2).bar(D3, 3, 3, 3, 3, 3, 3)
                .bar(D4, 4, 4, 4, 4, 4, 4)                                     // == to: excluded
                .bar(D5, 5, 5, 5, 5, 5, 5).json()));
        BarSeries s = ok(fetch("MSFT", D2, D4));
        assertThat(s.close()).containsExactly(2, 3);
        assertThat(s.date(s.size() - 1)).isEqualTo(D3);
    }

    @Test void aDuplicatedLastRowKeepsTheLastOne() {
        ChartJson c = ny("MSFT").bar(D2, 2, 2, 2, 2, 2, 2).bar(D3, 3, 3, 3, 3, 3, 3);
        // Yahoo repeats the current day as a live row with a later timestamp
        c.row(c.epoch(D3.atTime(15, 59)), "3.0", "3.5", "2.5", "3.25", "3.25", "999");
        yahoo.on("MSFT", Reply.ok(c.json()));
        BarSeries s = ok(fetch("MSFT", D2, D8));
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.close()).containsExactly(2, 3.25);
        assertThat(s.volume()).containsExactly(2, 999);
    }

    @Test void rowsOutOfOrderAreSorted() {
        ChartJson c = ny("MSFT").bar(D4, 4, 4, 4, 4, 4, 4).bar(D2, 2, 2, 2, 2, 2, 2).bar(D3, 3, 3, 3, 3, 3, 3);
        yahoo.on("MSFT", Reply.ok(c.json()));
        assertThat(ok(fetch("MSFT", D2, D8)).close()).containsExactly(2, 3, 4);
    }

    // ---- time zones --------------------------------------------------------------------------------------------

    @Test void europeanBarsAreDatedInTheExchangeZone() {
        // Xetra opens 09:00 CET = 08:00 UTC
        yahoo.on("WSU.DE", Reply.ok(ChartJson.chart("WSU.DE", "Europe/Berlin").currency("EUR").at(LocalTime.of(9, 0))
                .bar(D2, 10, 11, 9, 10.5, 10.5, 1000).bar(D3, 10, 11, 9, 10.6, 10.6, 1000).json()));
        BarSeries s = ok(fetch("WSU.DE", D2, D4));
        assertThat(List.of(s.date(0), s.date(1))).containsExactly(D2, D3);
        assertThat(yahoo.seen().get(0).rawPath()).isEqualTo("/v8/finance/chart/WSU.DE");
    }

    @Test void asianBarsWhoseTimestampFallsOnThePreviousUtcDayKeepTheirLocalDate() {
        // 00:00 in Tokyo on January 4 is 15:00 UTC on January 3
        ChartJson c = ChartJson.chart("7203.T", "Asia/Tokyo").currency("JPY").at(LocalTime.MIDNIGHT)
                .bar(D4, 2700, 2750, 2690, 2740, 2740, 5_000_000).bar(D5, 2740, 2760, 2700, 2710, 2710, 4_000_000);
        assertThat(Instant.ofEpochSecond(c.epoch(D4.atStartOfDay())).atZone(ZoneOffset.UTC).toLocalDate()).isEqualTo(D3);
        yahoo.on("7203.T", Reply.ok(c.json()));

        BarSeries s = ok(fetch("7203.T", D4, D8));

        assertThat(List.of(s.date(0), s.date(1))).containsExactly(D4, D5);
        assertThat(s.close()).containsExactly(2740, 2710);
    }

    @Test void asianBarsAtTheOpenAreDatedLocally() {
        ChartJson c = ChartJson.chart("^N225", "Asia/Tokyo").at(LocalTime.of(9, 0)).bar(D4, 1, 1, 1, 1, 1, 0);
        yahoo.on("%5EN225", Reply.ok(c.json()));
        assertThat(ok(fetch("^N225", D4, D5)).date(0)).isEqualTo(D4);
    }

    @Test void cryptoTradesEveryDayAtMidnightUtc() {
        ChartJson c = ChartJson.chart("BTC-USD", "UTC").at(LocalTime.MIDNIGHT);
        LocalDate sat = LocalDate.of(2024, 1, 6), sun = sat.plusDays(1), mon = sat.plusDays(2);
        c.bar(D5, 44000, 44500, 43500, 44100, 44100, 30_000_000_000L)
                .bar(sat, 44100, 44300, 43900, 44000, 44000, 20_000_000_000L)
                .bar(sun, 44000, 44200, 43800, 43900, 43900, 18_000_000_000L)
                .bar(mon, 43900, 47000, 43800, 46900, 46900, 35_000_000_000L);
        yahoo.on("BTC-USD", Reply.ok(c.json()));
        BarSeries s = ok(fetch("BTC-USD", sat, mon.plusDays(1)));
        assertThat(List.of(s.date(0), s.date(1), s.date(2))).containsExactly(sat, sun, mon);
    }

    @Test void summerBarsUseTheZonesRulesNotTheAnswersGmtOffset() {
        // Yahoo's meta.gmtoffset is today's offset; a bar at 00:30 EDT would land on the wrong date with EST's -5h
        LocalDate july1 = LocalDate.of(2024, 7, 1);
        ChartJson c = ny("SPY").at(LocalTime.of(0, 30)).bar(july1, 1, 1, 1, 1, 1, 1);
        yahoo.on("SPY", Reply.ok(c.json().replaceAll("\"gmtoffset\":-?\\d+", "\"gmtoffset\":-18000")));
        assertThat(ok(fetch("SPY", july1, july1.plusDays(1))).date(0)).isEqualTo(july1);
    }

    // ---- symbols --------------------------------------------------------------------------------------------------

    @Test void symbolsArePercentEncodedInThePathAndTheSeriesCarriesTheUniverseSymbol() {
        yahoo.on("%5EGSPC", Reply.ok(oneBar("^GSPC"))).on("BRK-B", Reply.ok(oneBar("BRK-B"))).on("EURUSD=X", Reply.ok(oneBar("EURUSD=X")))
                .on("WSU.DE", Reply.ok(oneBar("WSU.DE")));

        assertThat(ok(fetch("^GSPC", D2, D3)).symbol()).isEqualTo("^GSPC");
        assertThat(ok(source.fetch(new Constituent("BRK.B", "Berkshire Hathaway", "Financials", "BRK-B"), D2, D3)).symbol())
                .isEqualTo("BRK.B");
        assertThat(ok(fetch("EURUSD=X", D2, D3)).symbol()).isEqualTo("EURUSD=X");
        assertThat(ok(fetch("WSU.DE", D2, D3)).symbol()).isEqualTo("WSU.DE");

        assertThat(yahoo.seen()).extracting(FakeYahoo.Seen::rawPath).containsExactly(
                "/v8/finance/chart/%5EGSPC", "/v8/finance/chart/BRK-B", "/v8/finance/chart/EURUSD=X", "/v8/finance/chart/WSU.DE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A B", "AAPL?x=1", "AAPL#", "ÄPPLE", "A%5E", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456"})
    void malformedSymbolsFailBeforeAnyRequest(String yahooSymbol) {
        FetchResult r = source.fetch(new Constituent("SYM", "", "", yahooSymbol), D2, D3);
        FetchResult.Failed f = failed(r, FailureKind.INVALID_SYMBOL);
        assertThat(f.symbol()).isEqualTo("SYM");
        assertThat(f.reason()).startsWith("Yahoo symbol");
        assertThat(yahoo.totalRequests()).isZero();
    }

    @Test void anAnswerForAnotherSymbolIsBadDataAndNotRetried() {
        yahoo.on("OTHER", Reply.ok(oneBar("ZZOTHER")));
        FetchResult.Failed f = failed(fetch("OTHER", D2, D3), FailureKind.BAD_DATA);
        assertThat(f.reason()).isEqualTo("Yahoo answered with the chart of \"ZZOTHER\", not of OTHER");
        assertThat(yahoo.requests("OTHER")).isEqualTo(1);
    }

    @Test void yahoosOwnSpellingOfTheSymbolIsTheSameSymbol() {
        // Yahoo names the chart in its own form: upper case, share classes with a dash
        yahoo.on("brk-b", Reply.ok(oneBar("BRK-B"))).on("BF.B", Reply.ok(oneBar("BF-B"))).on("%5Egspc", Reply.ok(oneBar("^GSPC")));
        assertThat(ok(fetch("brk-b", D2, D3)).symbol()).isEqualTo("brk-b");
        assertThat(ok(fetch("BF.B", D2, D3)).symbol()).isEqualTo("BF.B");
        assertThat(ok(fetch("^gspc", D2, D3)).symbol()).isEqualTo("^gspc");
        // an answer without meta.symbol cannot be checked, and is taken
        yahoo.on("OLD", Reply.ok(oneBar("OLD").replace("\"symbol\":\"OLD\",", "")));
        assertThat(ok(fetch("OLD", D2, D3)).size()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", ".", "AAPL/../x", "A\nB"})
    void symbolsThatCannotBeAPathSegmentCannotEvenBeAsked(String yahooSymbol) {
        assertThatThrownBy(() -> new Constituent("SYM", "", "", yahooSymbol)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Yahoo symbol");
    }

    @Test void theInvalidSymbolReasonNamesTheCharacter() {
        assertThat(failed(fetch("AAPL?x", D2, D3), FailureKind.INVALID_SYMBOL).reason())
                .isEqualTo("Yahoo symbol \"AAPL?x\" has '?' at position 5; allowed are letters, digits, '.', '-', '^' and '='");
        assertThat(failed(fetch("A B", D2, D3), FailureKind.INVALID_SYMBOL).reason())
                .isEqualTo("Yahoo symbol \"A B\" has the character U+0020 at position 2; allowed are letters, digits, '.', '-', '^' and '='");
    }

    // ---- failures ---------------------------------------------------------------------------------------------

    @Test void unknownSymbolIsNotFoundWithYahoosDescription() {
        FetchResult.Failed f = failed(fetch("ZZZZ", D2, D3), FailureKind.NOT_FOUND);
        assertThat(f.reason()).isEqualTo("symbol not found at Yahoo (\"No data found, symbol may be delisted\")");
        assertThat(f.symbol()).isEqualTo("ZZZZ");
        assertThat(yahoo.requests("ZZZZ")).isEqualTo(1);   // not retried
    }

    @Test void notFoundWithoutYahoosJsonStillSaysNotFound() {
        yahoo.on("ZZZZ", Reply.html(404, "<html><head><title>Not Here</title></head></html>"));
        assertThat(failed(fetch("ZZZZ", D2, D3), FailureKind.NOT_FOUND).reason())
                .isEqualTo("symbol not found at Yahoo (HTTP 404 Not Found with an HTML page (title \"Not Here\"))");
    }

    @Test void tooManyRequestsThenOkIsRetriedWithBackoff() {
        yahoo.on("AAPL", Reply.status(429, "Too Many Requests"), Reply.ok(ny("AAPL").bar(D2, 1, 1, 1, 1, 1, 1).json()));
        BarSeries s = ok(fetch("AAPL", D2, D3));
        assertThat(s.size()).isEqualTo(1);
        assertThat(yahoo.requests("AAPL")).isEqualTo(2);
    }

    @Test void retryAfterSecondsIsHonoured() {
        yahoo.on("AAPL", Reply.status(429, "Too Many Requests").header("Retry-After", "1"),
                Reply.ok(ny("AAPL").bar(D2, 1, 1, 1, 1, 1, 1).json()));
        ok(fetch("AAPL", D2, D3));
        List<FakeYahoo.Seen> seen = yahoo.seen();
        assertThat(seen).hasSize(2);
        // our own backoff is at most 40 ms here, so a gap of a second can only come from Retry-After
        assertThat(Duration.ofNanos(seen.get(1).nanoTime() - seen.get(0).nanoTime())).isGreaterThanOrEqualTo(Duration.ofMillis(990));
    }

    @Test void aRetryAfterPausesEveryRequestOfTheSourceNotOnlyTheOneThatGotIt() throws Exception {
        yahoo.on("AAPL", Reply.status(429, "").header("Retry-After", "1"), Reply.ok(oneBar("AAPL"))).on("MSFT", Reply.ok(oneBar("MSFT")));
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<FetchResult> a = callers.submit(() -> fetch("AAPL", D2, D3));
            while (yahoo.requests("AAPL") == 0) Thread.sleep(5);
            Thread.sleep(100);                                   // AAPL has had its 429 and is waiting
            Future<FetchResult> m = callers.submit(() -> fetch("MSFT", D2, D3));
            ok(a.get());
            ok(m.get());
        } finally {
            callers.shutdownNow();
        }
        List<FakeYahoo.Seen> seen = yahoo.seen();
        long first429 = seen.get(0).nanoTime();
        FakeYahoo.Seen msft = seen.stream().filter(s -> s.rawPath().endsWith("/MSFT")).findFirst().orElseThrow();
        assertThat(Duration.ofNanos(msft.nanoTime() - first429)).isGreaterThanOrEqualTo(Duration.ofMillis(990));
    }

    @Test void aRetryAfterLongerThanTheLimitFailsAtOnce() {
        yahoo.on("AAPL", Reply.status(429, "").header("Retry-After", "3600"));
        FetchResult.Failed f = failed(fetch("AAPL", D2, D3), FailureKind.RATE_LIMITED);
        assertThat(f.reason()).isEqualTo("Yahoo is rate-limiting requests (HTTP 429 Too Many Requests); Yahoo asks to wait 3600 s, "
                + "more than the 60 s this source waits");
        assertThat(yahoo.requests("AAPL")).isEqualTo(1);
    }

    @Test void persistentRateLimitingEndsAsRateLimited() {
        yahoo.on("AAPL", Reply.status(429, "Too Many Requests"));
        FetchResult.Failed f = failed(fetch("AAPL", D2, D3), FailureKind.RATE_LIMITED);
        assertThat(f.reason()).isEqualTo("Yahoo is rate-limiting requests (HTTP 429 Too Many Requests) (3 attempts)");
        assertThat(yahoo.requests("AAPL")).isEqualTo(3);
    }

    @Test void serverErrorThreeTimesFailsAfterTheRetries() {
        yahoo.on("AAPL", Reply.status(500, "{\"chart\":{\"result\":null,\"error\":{\"code\":\"Internal Server Error\",\"description\":\"boom\"}}}"));
        FetchResult.Failed f = failed(fetch("AAPL", D2, D3), FailureKind.UNAVAILABLE);
        assertThat(f.reason()).isEqualTo("Yahoo answered HTTP 500 Internal Server Error (\"Internal Server Error: boom\") (3 attempts)");
        assertThat(yahoo.requests("AAPL")).isEqualTo(3);
    }

    @Test void serverErrorsThenOkSucceeds() {
        yahoo.on("AAPL", Reply.status(502, ""), Reply.status(503, ""), Reply.ok(ny("AAPL").bar(D2, 1, 1, 1, 1, 1, 1).json()));
        assertThat(ok(fetch("AAPL", D2, D3)).size()).isEqualTo(1);
        assertThat(yahoo.requests("AAPL")).isEqualTo(3);
    }

    @Test void anOutagePageWithAServerErrorSaysSo() {
        yahoo.on("AAPL", Reply.html(503, "<!DOCTYPE html><html><head><title>Yahoo will be right back</title></head><body>…</body></html>"));
        FetchResult.Failed f = failed(fetch("AAPL", D2, D3), FailureKind.UNAVAILABLE);
        assertThat(f.reason()).isEqualTo(
                "Yahoo answered HTTP 503 Service Unavailable with an HTML page (title \"Yahoo will be right back\") (3 attempts)");
    }

    @Test void aResponseSlowerThanTheTimeoutFailsAsTimeoutAfterTheRetries() {
        try (YahooQuoteSource slowTolerant = fastSource().responseTimeout(Duration.ofMillis(200)).maxAttempts(2).build()) {
            yahoo.on("AAPL", Reply.ok(ny("AAPL").bar(D2, 1, 1, 1, 1, 1, 1).json()).delayed(3000));
            long t0 = System.nanoTime();
            FetchResult.Failed f = failed(slowTolerant.fetch(Constituent.of("AAPL"), D2, D3), FailureKind.TIMEOUT);
            assertThat(f.reason()).startsWith("no answer from 127.0.0.1 in time (").endsWith(") (2 attempts)");
            assertThat(yahoo.requests("AAPL")).isEqualTo(2);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test void aTruncatedJsonBodyIsBadData() {
        String full = ny("AAPL").bar(D2, 1, 1, 1, 1, 1, 1).bar(D3, 1, 1, 1, 1, 1, 1).json();
        String cut = full.substring(0, full.indexOf("\"close\"") + 12);
        yahoo.on("AAPL", Reply.ok(cut));
        FetchResult.Failed f = failed(fetch("AAPL", D2, D4), FailureKind.BAD_DATA);
        assertThat(f.reason()).isEqualTo("Yahoo's JSON answer is truncated (it ends after " + cut.length() + " bytes)");
        assertThat(yahoo.requests("AAPL")).isEqualTo(1);
    }

    @Test void aBodyCutOffBeforeItsContentLengthIsRetriedThenBadData() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!ss.isClosed()) {
                    try (Socket s = ss.accept()) {
                        connections.incrementAndGet();
                        InputStream in = s.getInputStream();
                        byte[] buf = new byte[8192];
                        int n = 0;
                        while (!new String(buf, 0, n, StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) n += in.read(buf, n, buf.length - n);
                        OutputStream out = s.getOutputStream();
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"chart\":{\"result\":[")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException e) {
                        // closed
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            try (YahooQuoteSource raw = fastSource().baseUrl("http://127.0.0.1:" + ss.getLocalPort()).build()) {
                FetchResult.Failed f = failed(raw.fetch(Constituent.of("AAPL"), D2, D3), FailureKind.BAD_DATA);
                assertThat(f.reason()).startsWith("Yahoo's answer was cut off (").endsWith("(3 attempts)");
                assertThat(connections.get()).isEqualTo(3);
            }
        }
    }

    @Test void anHtmlPageInsteadOfJsonIsBadData() {
        yahoo.on("AAPL", Reply.html(200, "<!DOCTYPE html>\n<html><head><title>Yahoo is part of the Yahoo family of brands</title>"
                + "</head><body>consent</body></html>"));
        FetchResult.Failed f = failed(fetch("AAPL", D2, D3), FailureKind.BAD_DATA);
        assertThat(f.reason()).isEqualTo("Yahoo answered with an HTML page (title \"Yahoo is part of the Yahoo family of brands\"), "
                + "not JSON (an outage or consent page?)");
        assertThat(yahoo.requests("AAPL")).isEqualTo(1);
    }

    @Test void garbageAfterTheJsonIsBadData() {
        yahoo.on("AAPL", Reply.ok(ny("AAPL").bar(D2, 1, 1, 1, 1, 1, 1).json() + "}"));
        assertThat(failed(fetch("AAPL", D2, D3), FailureKind.BAD_DATA).reason()).startsWith("Yahoo's answer is not valid JSON: ");
    }

    @Test void columnsOfDifferentLengthsAreBadData() {
        String json = ny("AAPL").bar(D2, 1, 1, 1, 1, 1, 1).bar(D3, 1, 1, 1, 1, 1, 1).json().replace("\"close\":[1.0,1.0]", "\"close\":[1.0]");
        yahoo.on("AAPL", Reply.ok(json));
        assertThat(failed(fetch("AAPL", D2, D4), FailureKind.BAD_DATA).reason())
                .isEqualTo("Yahoo's \"close\" has 1 values but there are 2 timestamps");
    }

    @Test void aMissingTimeZoneIsBadData() {
        yahoo.on("AAPL", Reply.ok(ny("AAPL").bar(D2, 1, 1, 1, 1, 1, 1).json().replace("\"exchangeTimezoneName\"", "\"tzName\"")));
        assertThat(failed(fetch("AAPL", D2, D3), FailureKind.BAD_DATA).reason())
                .isEqualTo("Yahoo's answer has no meta.exchangeTimezoneName, so its trading dates are unknown");
    }

    @Test void anEmptyResultIsNoData() {
        yahoo.on("AAPL", Reply.ok(ny("AAPL").json()));   // meta only: no timestamp, an empty quote
        FetchResult.Failed f = failed(fetch("AAPL", D2, D3), FailureKind.NO_DATA);
        assertThat(f.reason()).isEqualTo("no bars at Yahoo from 2024-01-02 until 2024-01-03 (exclusive)");
    }

    @Test void aNullResultIsNoData() {
        yahoo.on("AAPL", Reply.ok("{\"chart\":{\"result\":[],\"error\":null}}"));
        failed(fetch("AAPL", D2, D3), FailureKind.NO_DATA);
    }

    @Test void onlyRowsOutsideTheRangeIsNoData() {
        yahoo.on("AAPL", Reply.ok(ny("AAPL").bar(D8, 1, 1, 1, 1, 1, 1).json()));
        failed(fetch("AAPL", D2, D3), FailureKind.NO_DATA);
    }

    @Test void yahoosDataDoesntExistAnswerIsNoData() {
        yahoo.on("AAPL", Reply.status(400, "{\"chart\":{\"result\":null,\"error\":{\"code\":\"Bad Request\","
                + "\"description\":\"Data doesn't exist for startDate = 1104537600, endDate = 1104624000\"}}}"));
        FetchResult.Failed f = failed(fetch("AAPL", D2, D3), FailureKind.NO_DATA);
        assertThat(f.reason()).isEqualTo("no data at Yahoo (\"Data doesn't exist for startDate = 1104537600, endDate = 1104624000\")");
    }

    @Test void unauthorizedIsAnErrorWithYahoosWords() {
        yahoo.on("AAPL", Reply.status(401, "{\"finance\":{\"result\":null,\"error\":{\"code\":\"Unauthorized\",\"description\":\"Invalid Crumb\"}}}"));
        FetchResult.Failed f = failed(fetch("AAPL", D2, D3), FailureKind.ERROR);
        assertThat(f.reason()).isEqualTo("Yahoo refused the request (HTTP 401 Unauthorized (\"Unauthorized: Invalid Crumb\"))");
        assertThat(yahoo.requests("AAPL")).isEqualTo(1);
    }

    @Test void aRefusedConnectionIsUnreachable() throws Exception {
        String url = FakeYahoo.refusingUrl();
        try (YahooQuoteSource nowhere = fastSource().baseUrl(url).maxAttempts(2).build()) {
            FetchResult.Failed f = failed(nowhere.fetch(Constituent.of("AAPL"), D2, D3), FailureKind.UNREACHABLE);
            assertThat(f.reason()).isEqualTo("cannot reach " + url.substring(7) + ": connection refused; check the network or proxy");
        }
    }

    @Test void oneSymbolsFailureDoesNotSinkTheBatch() {
        yahoo.on("AAPL", Reply.ok(oneBar("AAPL"))).on("MSFT", Reply.ok(oneBar("MSFT"))).on("BAD", Reply.html(200, "<html></html>"))
                .on("SLOW", Reply.status(500, ""));
        Map<String, FailureKind> expected = new java.util.LinkedHashMap<>();
        expected.put("AAPL", null);
        expected.put("ZZZZ", FailureKind.NOT_FOUND);
        expected.put("BAD", FailureKind.BAD_DATA);
        expected.put("SLOW", FailureKind.UNAVAILABLE);
        expected.put("MSFT", null);
        expected.put("A B", FailureKind.INVALID_SYMBOL);
        expected.forEach((sym, kind) -> {
            FetchResult r = fetch(sym, D2, D3);
            if (kind == null) assertThat(ok(r).size()).isEqualTo(1);
            else failed(r, kind);
        });
    }

    // ---- concurrency and lifecycle ----------------------------------------------------------------------------

    @Test void neverMoreRequestsInFlightThanTheCap() throws Exception {
        yahoo.latency(30);
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            symbols.add("S" + i);
            yahoo.on("S" + i, Reply.ok(oneBar("S" + i)));
        }
        try (YahooQuoteSource capped = fastSource().concurrency(4).build()) {
            assertThat(capped.maxConcurrency()).isEqualTo(4);
            ExecutorService callers = Executors.newFixedThreadPool(16);   // more callers than the cap
            try {
                List<Future<FetchResult>> futures = new ArrayList<>();
                for (String s : symbols) futures.add(callers.submit(() -> capped.fetch(Constituent.of(s), D2, D3)));
                for (Future<FetchResult> f : futures) ok(f.get());
            } finally {
                callers.shutdownNow();
            }
        }
        assertThat(yahoo.totalRequests()).isEqualTo(40);
        assertThat(yahoo.maxInFlight()).isEqualTo(4);
    }

    @Test void closeTwiceIsSafeAndFetchAfterCloseThrows() {
        YahooQuoteSource s = fastSource().build();
        s.close();
        s.close();
        assertThatThrownBy(() -> s.fetch(Constituent.of("AAPL"), D2, D3))
                .isInstanceOf(IllegalStateException.class).hasMessage("this YahooQuoteSource is closed");
    }

    @Test void anEmptyOrBackwardsRangeIsTheCallersMistake() {
        assertThatThrownBy(() -> fetch("AAPL", D3, D3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("from (2024-01-03) must be before to (2024-01-03); the end is exclusive");
        assertThatThrownBy(() -> fetch("AAPL", D4, D3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(yahoo.totalRequests()).isZero();
    }

    @Test void nameAndCacheKey() {
        assertThat(source.name()).isEqualTo("yahoo");
        assertThat(source.cacheKey()).isEqualTo("yahoo@" + yahoo.url());
        try (YahooQuoteSource real = YahooQuoteSource.builder().build()) {
            assertThat(real.cacheKey()).isEqualTo("yahoo");
            assertThat(real.baseUrl().toString()).isEqualTo("https://query2.finance.yahoo.com");
            assertThat(real.maxConcurrency()).isEqualTo(4);
        }
    }

    @Test void aBaseUrlWithAPathKeepsItAsAPrefix() {
        yahoo.on("AAPL", Reply.ok(ny("AAPL").bar(D2, 1, 1, 1, 1, 1, 1).json()));
        try (YahooQuoteSource mirrored = fastSource().baseUrl(yahoo.url() + "/mirror/").build()) {
            failed(mirrored.fetch(Constituent.of("AAPL"), D2, D3), FailureKind.NOT_FOUND);   // the fake knows no /mirror
        }
        assertThat(yahoo.seen().get(0).rawPath()).isEqualTo("/mirror/v8/finance/chart/AAPL");
    }

    @Test void theBuilderRejectsNonsense() {
        var b = YahooQuoteSource.builder();
        assertThatThrownBy(() -> b.baseUrl("ftp://example.com")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("yahoo base URL \"ftp://example.com\" must start with https:// (or http:// for a local server)");
        assertThatThrownBy(() -> b.baseUrl("https://example.com/?q=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.baseUrl("not a url")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.concurrency(0)).hasMessage("yahoo concurrency must be 1 to 64, was 0");
        assertThatThrownBy(() -> b.maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.responseTimeout(Duration.ZERO)).hasMessage("yahoo response timeout must be positive, was PT0S");
        assertThatThrownBy(() -> b.backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.userAgent("a\nb")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test void theTimestampOfAnExampleBarIsWhatYahooSends() {
        // guards the test builder itself: AAPL's 2024-01-02 bar is stamped 09:30 New York = 14:30 UTC
        assertThat(ny("AAPL").epoch(LocalDateTime.of(2024, 1, 2, 9, 30))).isEqualTo(1704205800L);
    }
}
