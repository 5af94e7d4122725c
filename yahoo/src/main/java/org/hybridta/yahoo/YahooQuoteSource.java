package org.hybridta.yahoo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
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
 * jitter, honouring {@code Retry-After}, then {@code RATE_LIMITED}; HTTP 5xx and connection failures →
 * retried, then {@code UNAVAILABLE}; timeouts → retried, then {@code TIMEOUT}; HTML or broken JSON →
 * {@code BAD_DATA}; nothing in the range → {@code NO_DATA}; a malformed symbol → {@code INVALID_SYMBOL}
 * before any request.
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

    private final URI baseUrl;
    private final int concurrency;
    private final int maxAttempts;
    private final Duration baseBackoff, maxBackoff, maxRetryAfter;
    private final CloseableHttpClient client;
    private final Semaphore permits;
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
        this.permits = new Semaphore(b.concurrency, true);
        Timeout connect = Timeout.of(b.connectTimeout), response = Timeout.of(b.responseTimeout);
        this.client = HttpClients.custom()
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
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new YahooFetchException(symbol, FailureKind.ERROR, "interrupted while waiting for a free connection");
        }
        try {
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

    /** The body of a 200 answer, after the retries; anything else becomes the symbol's failure. */
    private byte[] get(URI uri, String symbol) throws YahooFetchException {
        Failure last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (attempt > 1) {
                Duration pause = last.retryAfter != null ? last.retryAfter : Backoff.delay(attempt - 1, baseBackoff, maxBackoff);
                if (last.kind == FailureKind.RATE_LIMITED) pauseEveryone(pause);
                LOG.debug("{}: {}; retry {} of {} in {} ms", symbol, last.reason, attempt - 1, maxAttempts - 1, pause.toMillis());
                sleep(pause, symbol);
            }
            awaitPause(symbol);
            if (closed.get()) throw new IllegalStateException("this YahooQuoteSource is closed");
            LOG.debug("{}: GET {} (attempt {} of {})", symbol, uri, attempt, maxAttempts);
            Answer answer;
            try {
                answer = client.execute(new HttpGet(uri), YahooQuoteSource::read);
            } catch (BodyTooLargeException e) {
                throw new YahooFetchException(symbol, FailureKind.BAD_DATA, e.getMessage());
            } catch (IOException e) {
                last = classify(e, uri);
                if (!last.retryable) throw new YahooFetchException(symbol, last.kind, last.reason);
                continue;
            }
            if (answer.status == 200) return answer.body;
            last = classify(answer, symbol);
            if (!last.retryable) throw new YahooFetchException(symbol, last.kind, last.reason);
            if (last.retryAfter != null && last.retryAfter.compareTo(maxRetryAfter) > 0) {
                throw new YahooFetchException(symbol, FailureKind.RATE_LIMITED, last.reason + "; Yahoo asks to wait "
                        + last.retryAfter.toSeconds() + " s, more than the " + maxRetryAfter.toSeconds() + " s this source waits");
            }
        }
        throw new YahooFetchException(symbol, last.kind, last.reason + " (" + maxAttempts + (maxAttempts == 1 ? " attempt)" : " attempts)"));
    }

    /** Status, body and {@code Retry-After} of one answer; read whole inside the handler, so the connection is reused. */
    private record Answer(int status, String reasonPhrase, byte[] body, String retryAfter) {}

    private static Answer read(org.apache.hc.core5.http.ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        byte[] body = new byte[0];
        if (entity != null) {
            try (InputStream in = entity.getContent()) {
                body = readLimited(in);
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
                    throw new BodyTooLargeException("Yahoo's answer is larger than " + (MAX_BODY_BYTES >> 20) + " MiB; refusing to read it");
                }
                buf = Arrays.copyOf(buf, Math.min(MAX_BODY_BYTES, buf.length * 2));
            }
        }
        return Arrays.copyOf(buf, n);
    }

    private static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException(String message) { super(message); }
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
        if (a.status >= 500) {
            return new Failure(FailureKind.UNAVAILABLE, "Yahoo answered " + status + detail, true, null);
        }
        if (a.status == 400 && error.isPresent() && error.get().description().startsWith("Data doesn't exist")) {
            return new Failure(FailureKind.NO_DATA, "no data at Yahoo (" + UntrustedText.quote(error.get().description()) + ")", false, null);
        }
        return new Failure(FailureKind.ERROR, "Yahoo refused the request (" + status + detail + ")", false, null);
    }

    private static boolean looksLikeJson(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) return b == '{' || b == '[';
        }
        return false;
    }

    private static Failure classify(IOException e, URI uri) {
        String host = uri.getHost();
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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
        if (e instanceof UnknownHostException) {
            return new Failure(FailureKind.UNAVAILABLE, "cannot resolve " + host, true, null);
        }
        if (Thread.currentThread().isInterrupted()) {
            return new Failure(FailureKind.ERROR, "interrupted", false, null);
        }
        return new Failure(FailureKind.UNAVAILABLE, "connection to " + host + " failed (" + msg + ")", true, null);
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
                throw new IllegalArgumentException("yahoo base URL \"" + url + "\" is not a URL: " + e.getMessage(), e);
            }
            if (!"https".equalsIgnoreCase(u.getScheme()) && !"http".equalsIgnoreCase(u.getScheme())) {
                throw new IllegalArgumentException("yahoo base URL \"" + url + "\" must start with https:// (or http:// for a local server)");
            }
            if (u.getHost() == null) throw new IllegalArgumentException("yahoo base URL \"" + url + "\" has no host");
            if (u.getRawQuery() != null || u.getRawFragment() != null) {
                throw new IllegalArgumentException("yahoo base URL \"" + url + "\" must not have a query or fragment");
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
