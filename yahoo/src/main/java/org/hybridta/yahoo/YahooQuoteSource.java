package org.hybridta.yahoo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.hybridta.io.UntrustedText;
import org.hybridta.source.Constituent;
import org.hybridta.source.FailureKind;
import org.hybridta.source.FetchResult;
import org.hybridta.source.QuoteSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daily bars from Yahoo Finance's v8 chart API ({@code /v8/finance/chart/{symbol}}), over a pooled Apache
 * HttpClient 5.
 *
 * <pre>{@code
 * try (YahooQuoteSource yahoo = YahooQuoteSource.builder().concurrency(4).build()) {
 *     FetchResult r = yahoo.fetch(Constituent.of("AAPL"), LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1));
 * }
 * }</pre>
 *
 * <p><b>What comes back.</b> Bars dated in the exchange's own time zone ({@code meta.exchangeTimezoneName}),
 * in {@code [from, to)}, oldest first, one per date (of duplicates the last row wins). Rows with a missing or
 * non-finite open, high, low or close are dropped; a missing volume counts as 0 (Yahoo has none for indices
 * and currencies). A missing or non-finite {@code adjclose} is derived as the close times the adjustment
 * factor (adjclose / close) of the nearest later bar that has one (else the nearest earlier one; else the
 * close itself): Yahoo's factors change only at ex-dividend dates, so this is exact unless a dividend falls
 * between the two bars. {@link #fetchChart} also gives the dividends and splits and says how many bars were
 * dropped or filled.
 *
 * <p><b>Failures</b> come back per symbol, typed ({@link FailureKind}) with a one-line reason: unknown symbol
 * (HTTP 404 with {@code chart.error}) → {@code NOT_FOUND}; HTTP 429 → retried with exponential backoff and
 * jitter, honouring {@code Retry-After}, then {@code RATE_LIMITED}; HTTP 5xx and broken connections →
 * retried, then {@code UNAVAILABLE}; no connection at all (unknown host, refused, no route) → retried, then
 * {@code UNREACHABLE} — and after {@value #UNREACHABLE_AFTER} symbols in a row failed so, every later symbol fails
 * at once with the same reason, without a request; timeouts, and an answer not complete within the
 * {@linkplain Builder#deadline deadline} → {@code TIMEOUT}; HTML, broken JSON, the chart of another symbol or a
 * body falsely declared compressed → {@code BAD_DATA}; nothing in the range → {@code NO_DATA}; a malformed symbol →
 * {@code INVALID_SYMBOL} before any request.
 *
 * <p><b>Proxies.</b> Requests go through the proxy that the JVM's properties ({@code https.proxyHost} …) or else
 * the environment ({@code https_proxy} …) name, unless {@link Builder#proxy} says otherwise.
 *
 * <p><b>Politeness.</b> Yahoo throttles without a documented limit, so at most {@link Builder#concurrency}
 * requests are in flight at once, however many threads call {@link #fetch} (default 4), and a 429 pauses every
 * request of this source until the wait is over, not only the one that got it. Cookies are neither kept nor
 * sent (the chart endpoint needs no cookie or crumb), and nothing here logs headers. TLS certificates and host
 * names are always verified.
 *
 * <p>Yahoo's API is unofficial and undocumented: it may change or refuse requests at any time.
 *
 * <p>Thread-safe. {@link #close()} releases the connections; closing twice is safe.
 */
public final class YahooQuoteSource implements QuoteSource {
    /** The host yfinance uses for the chart API. */
    public static final String DEFAULT_BASE_URL = "https://query2.finance.yahoo.com";

    /** Identifies the client honestly; see {@link Builder#userAgent}. */
    public static final String DEFAULT_USER_AGENT =
            "Mozilla/5.0 (compatible; HybridTA/0.1; +https://github.com/hybridta/hybridta)";

    /** Far more than any daily chart (50 years of bars is about 2 MB); guards memory against a runaway body. */
    static final int MAX_BODY_BYTES = 32 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(YahooQuoteSource.class);

    /** After this many symbols in a row could not even connect, the source stops trying: see {@link FailureKind#UNREACHABLE}. */
    static final int UNREACHABLE_AFTER = 3;

    private final URI baseUrl;
    private final int concurrency;
    private final int maxAttempts;
    private final Duration baseBackoff, maxBackoff, maxRetryAfter, deadline;
    private final CloseableHttpClient client;
    private final Semaphore permits;
    /** The proxy requests to {@link #baseUrl} take, for messages ("the proxy … (from https_proxy)"); empty when direct. */
    private final Optional<String> proxy;
    /** Cancels a request at its symbol's deadline: a server may keep a connection alive without ever finishing. */
    private final ScheduledThreadPoolExecutor timer;
    /** Symbols in a row whose every attempt failed to connect; any answer from the server resets it. */
    private final AtomicInteger unreachableInARow = new AtomicInteger();
    /** Set once {@link #UNREACHABLE_AFTER} symbols in a row could not connect: the reason every later symbol fails with. */
    private volatile String unreachable;
    /** {@link System#nanoTime()} before which no request may start: set by a 429, obeyed by every thread. */
    private final AtomicLong pausedUntil = new AtomicLong(System.nanoTime());
    private final AtomicBoolean closed = new AtomicBoolean();

    private YahooQuoteSource(Builder b) {
        this.baseUrl = b.baseUrl;
        this.concurrency = b.concurrency;
        this.maxAttempts = b.maxAttempts;
        this.baseBackoff = b.baseBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxRetryAfter = b.maxRetryAfter;
        this.deadline = b.deadline;
        this.permits = new Semaphore(b.concurrency, true);
        ProxySelector proxies = b.proxy != null ? b.proxy : ProxySettings.system();
        Optional<ProxySettings.Choice> choice = proxies instanceof ProxySettings ps ? ps.choose(b.baseUrl) : Optional.empty();
        this.proxy = proxies instanceof ProxySettings ? choice.map(ProxySettings.Choice::describe) : describe(proxies.select(b.baseUrl));
        this.proxy.ifPresent(p -> LOG.debug("requests to {} go through the proxy {}", b.baseUrl.getHost(), p));
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        choice.filter(c -> c.user() != null).ifPresent(c -> credentials.setCredentials(new AuthScope(c.host(), c.port()),
                new UsernamePasswordCredentials(c.user(), c.password().toCharArray())));
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "hybridta-yahoo-deadline");
            t.setDaemon(true);
            return t;
        });
        this.timer.setRemoveOnCancelPolicy(true);
        Timeout connect = Timeout.of(b.connectTimeout), response = Timeout.of(b.responseTimeout);
        this.client = HttpClients.custom()
                .setRoutePlanner(new SystemDefaultRoutePlanner(proxies))
                .setDefaultCredentialsProvider(credentials)
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(b.concurrency)
                        .setMaxConnPerRoute(b.concurrency)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(response)
                                // re-check a pooled connection idle this long: servers drop idle keep-alives
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connect)
                        .setResponseTimeout(response)
                        .setMaxRedirects(5)
                        .build())
                .setUserAgent(b.userAgent)
                .disableCookieManagement()   // the chart API needs none; keeping none means none can leak
                .disableAutomaticRetries()   // retries are ours: counted, backed off, typed
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }

    /** "host:port" of the first proxy of a selector's answer, or empty for a direct connection. */
    private static Optional<String> describe(List<Proxy> proxies) {
        if (proxies == null || proxies.isEmpty() || proxies.get(0).type() == Proxy.Type.DIRECT) return Optional.empty();
        return Optional.of(String.valueOf(proxies.get(0).address()));
    }

    /** A builder with polite defaults. */
    public static Builder builder() { return new Builder(); }

    @Override public String name() { return "yahoo"; }

    /** {@code yahoo} for Yahoo itself; {@code yahoo@<base URL>} for any other server, whose data may differ. */
    @Override public String cacheKey() {
        return baseUrl.toString().equals(DEFAULT_BASE_URL) ? "yahoo" : "yahoo@" + baseUrl;
    }

    /** The concurrency cap: this source never has more requests in flight, whatever the caller does. */
    @Override public int maxConcurrency() { return concurrency; }

    /** The base URL requests go to. */
    public URI baseUrl() { return baseUrl; }

    /**
     * The daily bars of {@code constituent.yahooSymbol()} in {@code [from, to)}, labelled
     * {@code constituent.symbol()}, or a typed failure. Never throws for a symbol's failure.
     *
     * @throws IllegalArgumentException if {@code from} is not before {@code to}
     * @throws IllegalStateException    if this source is closed
     */
    @Override public FetchResult fetch(Constituent constituent, LocalDate from, LocalDate to) {
        try {
            return FetchResult.ok(fetchChart(constituent, from, to).bars());
        } catch (YahooFetchException e) {
            return FetchResult.failed(e.symbol(), e.kind(), e.reason());
        }
    }

    /**
     * Like {@link #fetch}, with the dividends and splits in the range, the exchange's time zone and currency.
     *
     * @throws YahooFetchException      for this symbol's failure, with its kind and a one-line reason
     * @throws IllegalArgumentException if {@code from} is not before {@code to}
     * @throws IllegalStateException    if this source is closed
     */
    public YahooChart fetchChart(Constituent constituent, LocalDate from, LocalDate to) throws YahooFetchException {
        Objects.requireNonNull(constituent, "constituent");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + "); the end is exclusive");
        }
        if (closed.get()) throw new IllegalStateException("this YahooQuoteSource is closed");
        String symbol = constituent.symbol();
        String yahooSymbol = constituent.yahooSymbol();
        Optional<String> problem = YahooSymbols.problem(yahooSymbol);
        if (problem.isPresent()) throw new YahooFetchException(symbol, FailureKind.INVALID_SYMBOL, problem.get());

        URI uri = chartUri(yahooSymbol, from, to);
        checkReachable(symbol);
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new YahooFetchException(symbol, FailureKind.ERROR, "interrupted while waiting for a free connection");
        }
        try {
            checkReachable(symbol);
            byte[] body = get(uri, symbol);
            return ChartParser.parse(body, constituent, from, to);
        } finally {
            permits.release();
        }
    }

    /**
     * The chart URL. The range is widened by a day on each side because the exchange's time zone is only known
     * from the answer; the parser then keeps exactly {@code [from, to)} in that zone.
     */
    URI chartUri(String yahooSymbol, LocalDate from, LocalDate to) {
        long period1 = from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long period2 = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        // The symbol is validated to letters, digits and ".-^="; of these only '^' must be escaped in a path.
        // '=' stays literal, as browsers and yfinance send it (EURUSD=X).
        return URI.create(baseUrl + "/v8/finance/chart/" + yahooSymbol.replace("^", "%5E")
                + "?period1=" + period1 + "&period2=" + period2 + "&interval=1d&events=div%2Csplits&includeAdjustedClose=true");
    }

    /** Fails the symbol at once when the source has given up on its host: every request would fail alike. */
    private void checkReachable(String symbol) throws YahooFetchException {
        String why = unreachable;
        if (why != null) throw new YahooFetchException(symbol, FailureKind.UNREACHABLE, why);
    }

    /**
     * The body of a 200 answer, after the retries, within the deadline (counted from the first request); anything
     * else becomes the symbol's failure.
     */
    private byte[] get(URI uri, String symbol) throws YahooFetchException {
        long end = System.nanoTime() + deadline.toNanos();
        Failure last = null;
        int attempt = 0;
        while (++attempt <= maxAttempts) {
            if (attempt > 1) {
                Duration pause = last.retryAfter != null ? last.retryAfter : Backoff.delay(attempt - 1, baseBackoff, maxBackoff);
                if (last.kind == FailureKind.RATE_LIMITED) pauseEveryone(pause);
                if (System.nanoTime() + pause.toNanos() >= end) break;
                LOG.debug("{}: {}; retry {} of {} in {} ms", symbol, last.reason, attempt - 1, maxAttempts - 1, pause.toMillis());
                sleep(pause, symbol);
                checkReachable(symbol);
            }
            awaitPause(symbol);
            if (closed.get()) throw new IllegalStateException("this YahooQuoteSource is closed");
            long remaining = end - System.nanoTime();
            if (remaining <= 0) break;
            LOG.debug("{}: GET {} (attempt {} of {})", symbol, uri, attempt, maxAttempts);
            HttpGet request = new HttpGet(uri);
            AtomicBoolean pastDeadline = new AtomicBoolean();
            ScheduledFuture<?> cutOff = timer.schedule(() -> {
                pastDeadline.set(true);
                request.cancel();
            }, remaining, TimeUnit.NANOSECONDS);
            Answer answer;
            try {
                answer = client.execute(request, YahooQuoteSource::read);
            } catch (BadBodyException e) {
                throw new YahooFetchException(symbol, FailureKind.BAD_DATA, e.getMessage());
            } catch (IOException e) {
                if (pastDeadline.get()) {
                    throw new YahooFetchException(symbol, FailureKind.TIMEOUT, "no complete answer from " + uri.getHost()
                            + " within the deadline of " + seconds(deadline));
                }
                last = classify(e, uri);
                if (!last.retryable) throw new YahooFetchException(symbol, last.kind, last.reason);
                continue;
            } finally {
                cutOff.cancel(false);
            }
            unreachableInARow.set(0);   // the server answered: it can be reached
            if (answer.status == 200) return answer.body;
            last = classify(answer, symbol);
            if (!last.retryable) throw new YahooFetchException(symbol, last.kind, last.reason);
            if (last.retryAfter != null && last.retryAfter.compareTo(maxRetryAfter) > 0) {
                throw new YahooFetchException(symbol, FailureKind.RATE_LIMITED, last.reason + "; Yahoo asks to wait "
                        + last.retryAfter.toSeconds() + " s, more than the " + maxRetryAfter.toSeconds() + " s this source waits");
            }
        }
        int attempts = attempt - 1;
        if (last == null) {
            throw new YahooFetchException(symbol, FailureKind.TIMEOUT, "no answer from " + uri.getHost() + " within the deadline of " + seconds(deadline));
        }
        if (last.kind == FailureKind.UNREACHABLE) {
            // the same reason for every symbol, so that a caller can say it once
            if (unreachableInARow.incrementAndGet() >= UNREACHABLE_AFTER && unreachable == null) {
                unreachable = last.reason;
                LOG.debug("{} symbols in a row could not connect; the source stops trying: {}", UNREACHABLE_AFTER, last.reason);
            }
            throw new YahooFetchException(symbol, last.kind, last.reason);
        }
        String count = attempts + (attempts == 1 ? " attempt" : " attempts");
        throw new YahooFetchException(symbol, last.kind, last.reason + " (" + count
                + (attempts < maxAttempts ? " in the deadline of " + seconds(deadline) : "") + ")");
    }

    /** "1.5 s", "90 s". */
    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** Status, body and {@code Retry-After} of one answer; read whole inside the handler, so the connection is reused. */
    private record Answer(int status, String reasonPhrase, byte[] body, String retryAfter) {}

    private static Answer read(org.apache.hc.core5.http.ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        byte[] body = new byte[0];
        if (entity != null) {
            try (InputStream in = entity.getContent()) {
                body = readLimited(in);
            } catch (ZipException e) {
                // the client inflates what the server declares compressed; a body that is not is a bad answer, not an outage
                Header encoding = response.getFirstHeader("Content-Encoding");
                throw new BadBodyException("Yahoo's answer says it is " + (encoding == null ? "compressed" : encoding.getValue() + "-compressed")
                        + " but is not (" + e.getMessage() + ")");
            }
        }
        Header retryAfter = response.getFirstHeader("Retry-After");
        return new Answer(response.getCode(), Objects.toString(response.getReasonPhrase(), ""), body,
                retryAfter == null ? null : retryAfter.getValue());
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] buf = new byte[64 << 10];
        int n = 0;
        for (int r; (r = in.read(buf, n, buf.length - n)) != -1; ) {
            n += r;
            if (n == buf.length) {
                if (buf.length >= MAX_BODY_BYTES) {
                    throw new BadBodyException("Yahoo's answer is larger than " + (MAX_BODY_BYTES >> 20) + " MiB; refusing to read it");
                }
                buf = Arrays.copyOf(buf, Math.min(MAX_BODY_BYTES, buf.length * 2));
            }
        }
        return Arrays.copyOf(buf, n);
    }

    /** An answer that arrived but cannot be data (too large, falsely declared compressed): {@code BAD_DATA}, not retried. */
    private static final class BadBodyException extends IOException {
        private static final long serialVersionUID = 1L;

        BadBodyException(String message) { super(message); }
    }

    /** A failed attempt: its kind if it stays the last one, the reason, and whether another attempt may help. */
    private record Failure(FailureKind kind, String reason, boolean retryable, Duration retryAfter) {}

    private Failure classify(Answer a, String symbol) {
        // HTTP/2 and some servers send no reason phrase; use the standard one so reasons read the same
        String phrase = a.reasonPhrase.isEmpty() ? Objects.toString(EnglishReasonPhraseCatalog.INSTANCE.getReason(a.status, Locale.ENGLISH), "") : a.reasonPhrase;
        String status = "HTTP " + a.status + (phrase.isEmpty() ? "" : " " + phrase);
        Optional<ChartParser.YahooError> error = ChartParser.error(a.body);
        String detail;
        if (error.isPresent()) detail = " (" + UntrustedText.quote(error.get().text()) + ")";
        else if (a.body.length == 0 || looksLikeJson(a.body)) detail = "";
        else detail = " with " + ChartParser.describeNonJson(a.body);
        if (a.status == 404) {
            String reason = error.map(e -> "symbol not found at Yahoo (" + UntrustedText.quote(e.description()) + ")")
                    .orElse("symbol not found at Yahoo (" + status + detail + ")");
            return new Failure(FailureKind.NOT_FOUND, reason, false, null);
        }
        if (a.status == 429) {
            Duration retryAfter = Backoff.retryAfter(a.retryAfter, ZonedDateTime.now(ZoneOffset.UTC)).orElse(null);
            return new Failure(FailureKind.RATE_LIMITED, "Yahoo is rate-limiting requests (" + status + ")", true, retryAfter);
        }
        if (a.status == 407) {
            return new Failure(FailureKind.ERROR, "the proxy " + proxy.orElse("") + " asks for credentials (" + status
                    + "); give them in the proxy's URL, http://user:password@host:port", false, null);
        }
        // through a proxy, an error may be the proxy's own (a refused tunnel, a gateway error): say which way it came
        String via = proxy.map(p -> "; through the proxy " + p).orElse("");
        if (a.status >= 500) {
            return new Failure(FailureKind.UNAVAILABLE, "Yahoo answered " + status + detail + via, true, null);
        }
        if (a.status == 400 && error.isPresent() && error.get().description().startsWith("Data doesn't exist")) {
            return new Failure(FailureKind.NO_DATA, "no data at Yahoo (" + UntrustedText.quote(error.get().description()) + ")", false, null);
        }
        return new Failure(FailureKind.ERROR, "Yahoo refused the request (" + status + detail + via + ")", false, null);
    }

    private static boolean looksLikeJson(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) return b == '{' || b == '[';
        }
        return false;
    }

    private Failure classify(IOException e, URI uri) {
        String host = uri.getHost();
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String cannotConnect = cannotConnect(e);
        if (cannotConnect != null) {
            String where = uri.getPort() == -1 ? host : host + ":" + uri.getPort();
            String reason = proxy.map(p -> "cannot reach " + where + " through the proxy " + p + ": " + cannotConnect
                    + "; check the proxy settings").orElse("cannot reach " + where + ": " + cannotConnect + "; check the network or proxy");
            return new Failure(FailureKind.UNREACHABLE, reason, true, null);
        }
        if (e instanceof SSLException) {
            return new Failure(FailureKind.UNAVAILABLE, "TLS with " + host + " failed: " + msg, false, null);
        }
        if (e instanceof InterruptedIOException && !Thread.currentThread().isInterrupted()) {   // connect and read timeouts
            return new Failure(FailureKind.TIMEOUT, "no answer from " + host + " in time (" + msg + ")", true, null);
        }
        if (e instanceof ConnectionClosedException) {   // the body ended before its declared length
            return new Failure(FailureKind.BAD_DATA, "Yahoo's answer was cut off (" + msg + ")", true, null);
        }
        if (e instanceof NoHttpResponseException) {
            return new Failure(FailureKind.UNAVAILABLE, host + " closed the connection without answering", true, null);
        }
        if (Thread.currentThread().isInterrupted()) {
            return new Failure(FailureKind.ERROR, "interrupted", false, null);
        }
        String via = proxy.map(p -> " through the proxy " + p).orElse("");
        return new Failure(FailureKind.UNAVAILABLE, "connection to " + host + via + " failed (" + msg + ")", true, null);
    }

    /** Why no connection could be made at all (unknown host, refused, no route), or null for any other failure. */
    private static String cannotConnect(IOException e) {
        if (e instanceof UnknownHostException) return "unknown host";
        if (e instanceof NoRouteToHostException) return "no route to host";
        if (e instanceof ConnectException) {          // HttpHostConnectException too: "Connection refused"
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            return m.contains("refused") ? "connection refused" : m.contains("unreachable") ? "network unreachable" : "cannot connect";
        }
        if (e instanceof ConnectTimeoutException) return "no answer to the connection request in time";
        return null;
    }

    private void pauseEveryone(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        pausedUntil.accumulateAndGet(until, (a, b) -> a - b >= 0 ? a : b);
    }

    private void awaitPause(String symbol) throws YahooFetchException {
        long wait;
        while ((wait = pausedUntil.get() - System.nanoTime()) > 0) sleep(Duration.ofNanos(wait), symbol);
    }

    private static void sleep(Duration d, String symbol) throws YahooFetchException {
        try {
            TimeUnit.NANOSECONDS.sleep(d.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new YahooFetchException(symbol, FailureKind.ERROR, "interrupted while waiting to retry");
        }
    }

    /** Closes the connection pool. Closing twice is safe; fetching afterwards throws {@link IllegalStateException}. */
    @Override public void close() {
        if (!closed.compareAndSet(false, true)) return;
        client.close(CloseMode.GRACEFUL);
        timer.shutdownNow();
    }

    @Override public String toString() {
        return "YahooQuoteSource[" + baseUrl + ", concurrency " + concurrency + "]";
    }

    /**
     * Options of a {@link YahooQuoteSource}. The defaults are polite: 4 requests at once, up to 4 attempts per
     * symbol with backoff from 1 s to 30 s, {@code Retry-After} honoured up to 60 s.
     */
    public static final class Builder {
        private URI baseUrl = URI.create(DEFAULT_BASE_URL);
        private int concurrency = 4;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(30);
        private int maxAttempts = 4;
        private Duration baseBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Duration deadline = Duration.ofMinutes(2);
        private ProxySelector proxy;
        private String userAgent = DEFAULT_USER_AGENT;

        private Builder() {}

        /**
         * Where the chart API lives (default {@value #DEFAULT_BASE_URL}); a path is kept as a prefix. Point it at
         * a mirror or a local test server. Plain {@code http} is allowed for those, but is not for Yahoo.
         */
        public Builder baseUrl(String url) {
            Objects.requireNonNull(url, "url");
            URI u;
            try {
                u = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("yahoo base URL " + UntrustedText.quote(url) + " is not a URL: " + e.getMessage(), e);
            }
            if (!"https".equalsIgnoreCase(u.getScheme()) && !"http".equalsIgnoreCase(u.getScheme())) {
                throw new IllegalArgumentException("yahoo base URL " + UntrustedText.quote(url) + " must start with https:// (or http:// for a local server)");
            }
            if (u.getHost() == null) throw new IllegalArgumentException("yahoo base URL " + UntrustedText.quote(url) + " has no host");
            if (u.getRawQuery() != null || u.getRawFragment() != null) {
                throw new IllegalArgumentException("yahoo base URL " + UntrustedText.quote(url) + " must not have a query or fragment");
            }
            if ("http".equalsIgnoreCase(u.getScheme()) && !isLoopback(u.getHost())) {
                LOG.warn("yahoo base URL {} is plain http: requests and answers travel unencrypted", u);
            }
            this.baseUrl = u;
            return this;
        }

        /** Requests in flight at most, across all threads (default 4; 1 to 64). */
        public Builder concurrency(int n) {
            if (n < 1 || n > 64) throw new IllegalArgumentException("yahoo concurrency must be 1 to 64, was " + n);
            this.concurrency = n;
            return this;
        }

        /** Time to open a connection (default 10 s). */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive("connect timeout", d);
            return this;
        }

        /** Time to wait for the answer, and between its packets (default 30 s). */
        public Builder responseTimeout(Duration d) {
            this.responseTimeout = positive("response timeout", d);
            return this;
        }

        /**
         * The most time one symbol may take from its first request, attempts and the pauses between them included
         * (default 2 minutes). A request still running then is cut off (a server that trickles its answer byte by
         * byte never trips the response timeout, which is the time between packets): the symbol fails as
         * {@code TIMEOUT}. Waiting for a free connection before the first request does not count.
         */
        public Builder deadline(Duration d) {
            this.deadline = positive("deadline", d);
            return this;
        }

        /**
         * Chooses the proxy of each request (default: the JVM's proxy properties {@code https.proxyHost},
         * {@code https.proxyPort}, {@code http.proxyHost}, {@code http.proxyPort} and {@code http.nonProxyHosts},
         * else the environment's {@code https_proxy}/{@code HTTPS_PROXY}, {@code http_proxy} and
         * {@code no_proxy}/{@code NO_PROXY}; see docs/yahoo.md). {@code ProxySelector.of(null)} means none.
         */
        public Builder proxy(ProxySelector selector) {
            this.proxy = Objects.requireNonNull(selector, "selector");
            return this;
        }

        /** Attempts per symbol, the first included (default 4); 1 means no retries. */
        public Builder maxAttempts(int n) {
            if (n < 1 || n > 20) throw new IllegalArgumentException("yahoo max attempts must be 1 to 20, was " + n);
            this.maxAttempts = n;
            return this;
        }

        /**
         * Backoff between attempts: retry k waits a random time in [½, 1] × min(max, base × 2^(k−1))
         * (default base 1 s, max 30 s).
         */
        public Builder backoff(Duration base, Duration max) {
            positive("base backoff", base);
            positive("max backoff", max);
            if (max.compareTo(base) < 0) throw new IllegalArgumentException("yahoo max backoff " + max + " is below the base " + base);
            this.baseBackoff = base;
            this.maxBackoff = max;
            return this;
        }

        /**
         * The longest {@code Retry-After} this source waits for (default 60 s); a 429 asking for longer fails
         * the symbol as {@code RATE_LIMITED} at once.
         */
        public Builder maxRetryAfter(Duration d) {
            if (Objects.requireNonNull(d, "maxRetryAfter").isNegative()) {
                throw new IllegalArgumentException("yahoo max Retry-After must not be negative, was " + d);
            }
            this.maxRetryAfter = d;
            return this;
        }

        /**
         * The {@code User-Agent} header (default {@value #DEFAULT_USER_AGENT}). Yahoo has been seen answering
         * 429 to some non-browser agents; if every request is rate-limited, try a browser's.
         */
        public Builder userAgent(String ua) {
            Objects.requireNonNull(ua, "userAgent");
            if (ua.isBlank() || ua.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("yahoo User-Agent must be non-blank printable text");
            }
            this.userAgent = ua;
            return this;
        }

        public YahooQuoteSource build() { return new YahooQuoteSource(this); }

        private static Duration positive(String what, Duration d) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("yahoo " + what + " must be positive, was " + d);
            return d;
        }

        private static boolean isLoopback(String host) {
            String h = host.toLowerCase(Locale.ROOT);
            return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]");
        }
    }
}
