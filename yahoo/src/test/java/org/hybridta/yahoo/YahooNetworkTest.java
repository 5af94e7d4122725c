package org.hybridta.yahoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hybridta.source.Constituent;
import org.hybridta.source.FailureKind;
import org.hybridta.source.FetchResult;
import org.hybridta.yahoo.FakeYahoo.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** No network, unreachable hosts, servers that never finish, bodies that lie about their encoding, and proxies. */
class YahooNetworkTest {
    private static final LocalDate D2 = LocalDate.of(2024, 1, 2), D3 = D2.plusDays(1);

    private FakeYahoo yahoo;

    @BeforeEach void start() throws IOException {
        yahoo = FakeYahoo.start();
    }

    @AfterEach void stop() {
        yahoo.close();
    }

    private static YahooQuoteSource.Builder fast() {
        return YahooQuoteSource.builder().backoff(Duration.ofMillis(10), Duration.ofMillis(40)).maxAttempts(3)
                .connectTimeout(Duration.ofSeconds(2)).responseTimeout(Duration.ofSeconds(5)).proxy(ProxySettings.none());
    }

    private static String oneBar(String symbol) {
        return ChartJson.chart(symbol, "America/New_York").bar(D2, 1, 1, 1, 1, 1, 1).json();
    }

    private static FetchResult.Failed failed(FetchResult r, FailureKind kind) {
        assertThat(r).as("%s", r).isInstanceOf(FetchResult.Failed.class);
        FetchResult.Failed f = (FetchResult.Failed) r;
        assertThat(f.kind()).as(f.reason()).isEqualTo(kind);
        return f;
    }

    /** Counts the requests the client routes (one select per attempt), and sends them direct. */
    private static final class CountingSelector extends ProxySelector {
        final AtomicInteger selects = new AtomicInteger();

        @Override public List<Proxy> select(URI uri) {
            selects.incrementAndGet();
            return List.of(Proxy.NO_PROXY);
        }

        @Override public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
    }

    // ---- no network --------------------------------------------------------------------------------------------

    @Test void whenTheFirstSymbolsCannotConnectTheRestFailAtOnceWithTheSameReason() throws IOException {
        String url = FakeYahoo.refusingUrl();
        CountingSelector counting = new CountingSelector();
        List<FetchResult> results = new ArrayList<>();
        long t0 = System.nanoTime();
        try (YahooQuoteSource s = fast().baseUrl(url).proxy(counting).concurrency(1).build()) {
            for (int i = 0; i < 50; i++) results.add(s.fetch(Constituent.of("S" + i), D2, D3));
        }
        String port = url.substring(url.lastIndexOf(':') + 1);
        assertThat(results).allSatisfy(r -> assertThat(failed(r, FailureKind.UNREACHABLE).reason())
                .isEqualTo("cannot reach 127.0.0.1:" + port + ": connection refused; check the network or proxy"));
        // the first symbols try (3 attempts each); the others are not tried at all (and the source asks once which
        // proxy its host takes, for its messages)
        assertThat(counting.selects.get()).isLessThanOrEqualTo(YahooQuoteSource.UNREACHABLE_AFTER * 3 + 1);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test void anUnknownHostIsNamed() {
        try (YahooQuoteSource s = fast().baseUrl("http://yahoo.invalid").maxAttempts(1).build()) {
            assertThat(failed(s.fetch(Constituent.of("AAPL"), D2, D3), FailureKind.UNREACHABLE).reason())
                    .isEqualTo("cannot reach yahoo.invalid: unknown host; check the network or proxy");
        }
    }

    @Test void anAnswerInBetweenKeepsTheSourceTrying() throws IOException {
        yahoo.on("AAPL", Reply.ok(oneBar("AAPL")));
        CountingSelector counting = new CountingSelector();
        // a source whose server is up: connection failures of single symbols (here none) never stop the others
        try (YahooQuoteSource s = fast().baseUrl(yahoo.url()).proxy(counting).maxAttempts(1).build()) {
            for (int i = 0; i < 10; i++) failed(s.fetch(Constituent.of("ZZ" + i), D2, D3), FailureKind.NOT_FOUND);
            assertThat(s.fetch(Constituent.of("AAPL"), D2, D3).isOk()).isTrue();
        }
        assertThat(counting.selects.get()).isEqualTo(1 + 11);
    }

    // ---- servers that never finish -----------------------------------------------------------------------------

    @Test void aServerTricklingItsAnswerIsCutOffAtTheDeadline() {
        // one byte every 300 ms never trips the 2 s response timeout (the time between packets); the deadline ends it
        yahoo.on("AAPL", Reply.ok(oneBar("AAPL")).trickled(300));
        long t0 = System.nanoTime();
        try (YahooQuoteSource s = fast().baseUrl(yahoo.url()).responseTimeout(Duration.ofSeconds(2)).deadline(Duration.ofMillis(1500)).build()) {
            FetchResult.Failed f = failed(s.fetch(Constituent.of("AAPL"), D2, D3), FailureKind.TIMEOUT);
            assertThat(f.reason()).isEqualTo("no complete answer from 127.0.0.1 within the deadline of 1.5 s");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(1400), Duration.ofMillis(4000));
        assertThat(yahoo.requests("AAPL")).isEqualTo(1);
    }

    @Test void retriesStopAtTheDeadlineToo() {
        yahoo.on("AAPL", Reply.status(503, ""));
        long t0 = System.nanoTime();
        try (YahooQuoteSource s = fast().baseUrl(yahoo.url()).maxAttempts(20).backoff(Duration.ofMillis(300), Duration.ofMillis(300))
                .deadline(Duration.ofSeconds(1)).build()) {
            FetchResult.Failed f = failed(s.fetch(Constituent.of("AAPL"), D2, D3), FailureKind.UNAVAILABLE);
            assertThat(f.reason()).startsWith("Yahoo answered HTTP 503").contains("attempts in the deadline of 1 s");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(2000));
        assertThat(yahoo.requests("AAPL")).isBetween(2, 7);
    }

    // ---- bodies ------------------------------------------------------------------------------------------------

    @Test void aBodyDeclaredGzipThatIsNotIsBadDataAndNotRetried() {
        yahoo.on("AAPL", Reply.ok(oneBar("AAPL")).header("Content-Encoding", "gzip"));
        try (YahooQuoteSource s = fast().baseUrl(yahoo.url()).build()) {
            FetchResult.Failed f = failed(s.fetch(Constituent.of("AAPL"), D2, D3), FailureKind.BAD_DATA);
            assertThat(f.reason()).startsWith("Yahoo's answer says it is gzip-compressed but is not (");
        }
        assertThat(yahoo.requests("AAPL")).isEqualTo(1);
    }

    // ---- proxies -----------------------------------------------------------------------------------------------

    @Test void anHttpProxyFromTheEnvironmentCarriesTheRequest() throws IOException {
        try (FakeProxy proxy = FakeProxy.start(oneBar("AAPL"))) {
            ProxySettings env = ProxySettings.of(Map.of(), Map.of("http_proxy", "http://127.0.0.1:" + proxy.port()));
            // yahoo.test does not resolve: only a proxy can answer for it
            try (YahooQuoteSource s = fast().baseUrl("http://yahoo.test").proxy(env).build()) {
                FetchResult r = s.fetch(Constituent.of("AAPL"), D2, D3);
                assertThat(r.isOk()).as("%s", r).isTrue();
            }
            assertThat(proxy.requests()).singleElement().asString().startsWith("GET http://yahoo.test/v8/finance/chart/AAPL?period1=");
        }
    }

    @Test void credentialsInTheProxyUrlAreSentToTheProxy() throws IOException {
        try (FakeProxy proxy = FakeProxy.start(oneBar("AAPL")).requireAuth()) {
            ProxySettings env = ProxySettings.of(Map.of(), Map.of("http_proxy", "http://ann:s%40cret@127.0.0.1:" + proxy.port()));
            try (YahooQuoteSource s = fast().baseUrl("http://yahoo.test").proxy(env).build()) {
                FetchResult r = s.fetch(Constituent.of("AAPL"), D2, D3);
                assertThat(r.isOk()).as("%s", r).isTrue();
            }
            assertThat(proxy.authorizations()).containsExactly("Basic " + java.util.Base64.getEncoder().encodeToString("ann:s@cret".getBytes()));
        }
    }

    @Test void httpsGoesThroughTheJvmsProxyPropertiesAsATunnel() throws IOException {
        try (FakeProxy proxy = FakeProxy.start("")) {
            Map<String, String> props = Map.of("https.proxyHost", "127.0.0.1", "https.proxyPort", Integer.toString(proxy.port()));
            try (YahooQuoteSource s = fast().proxy(ProxySettings.of(props, Map.of("https_proxy", "http://127.0.0.1:1"))).maxAttempts(1).build()) {
                FetchResult.Failed f = (FetchResult.Failed) s.fetch(Constituent.of("AAPL"), D2, D3);
                assertThat(f.reason()).contains("proxy");
            }
            // the properties win over the environment; the tunnel was asked for Yahoo's host
            assertThat(proxy.requests()).singleElement().isEqualTo("CONNECT query2.finance.yahoo.com:443 HTTP/1.1");
        }
    }

    @Test void whichProxyForWhichUrl() {
        URI yahooHttps = URI.create("https://query2.finance.yahoo.com/v8/finance/chart/AAPL");
        URI mirror = URI.create("http://mirror.example.com/v8/finance/chart/AAPL");
        URI local = URI.create("http://127.0.0.1:8080/v8/finance/chart/AAPL");
        Map<String, String> env = new HashMap<>(Map.of("HTTPS_PROXY", "proxy.corp:3128", "http_proxy", "http://plain.corp"));

        assertThat(proxyOf(ProxySettings.of(Map.of(), env), yahooHttps)).isEqualTo("proxy.corp:3128");
        assertThat(proxyOf(ProxySettings.of(Map.of(), env), mirror)).isEqualTo("plain.corp:1080");
        assertThat(proxyOf(ProxySettings.of(Map.of(), env), local)).as("loopback is never proxied").isEqualTo("DIRECT");
        // the lower-case name wins; HTTP_PROXY in upper case is ignored (a CGI server sets it from a request header)
        env.put("https_proxy", "http://lower.corp:8080");
        assertThat(proxyOf(ProxySettings.of(Map.of(), env), yahooHttps)).isEqualTo("lower.corp:8080");
        assertThat(proxyOf(ProxySettings.of(Map.of(), Map.of("HTTP_PROXY", "evil:1")), mirror)).isEqualTo("DIRECT");
        // no_proxy: domain suffixes, with or without a leading dot, any case; * for everything
        for (String noProxy : List.of("yahoo.com", ".yahoo.com", "FINANCE.YAHOO.COM", "example.org, yahoo.com", "*")) {
            Map<String, String> e = new HashMap<>(env);
            e.put("no_proxy", noProxy);
            assertThat(proxyOf(ProxySettings.of(Map.of(), e), yahooHttps)).as(noProxy).isEqualTo("DIRECT");
        }
        Map<String, String> e = new HashMap<>(env);
        e.put("NO_PROXY", "ahoo.com,mirror.example.com");
        assertThat(proxyOf(ProxySettings.of(Map.of(), e), yahooHttps)).as("a suffix ends at a dot").isEqualTo("lower.corp:8080");
        assertThat(proxyOf(ProxySettings.of(Map.of(), e), mirror)).isEqualTo("DIRECT");

        // the JVM's properties come first, with their own exceptions
        Map<String, String> props = Map.of("https.proxyHost", "jvm.corp", "https.proxyPort", "3129", "http.nonProxyHosts", "*.example.com|localhost");
        assertThat(proxyOf(ProxySettings.of(props, env), yahooHttps)).isEqualTo("jvm.corp:3129");
        assertThat(proxyOf(ProxySettings.of(props, env), mirror)).as("no http.proxyHost: the environment's").isEqualTo("plain.corp:1080");
        assertThat(proxyOf(ProxySettings.of(Map.of("http.proxyHost", "jvm.corp", "http.nonProxyHosts", "*.example.com"), env), mirror))
                .isEqualTo("DIRECT");
        assertThat(proxyOf(ProxySettings.of(Map.of("https.proxyHost", "jvm.corp"), Map.of()), yahooHttps)).isEqualTo("jvm.corp:443");
        assertThat(proxyOf(ProxySettings.none(), yahooHttps)).isEqualTo("DIRECT");
    }

    private static String proxyOf(ProxySelector s, URI uri) {
        Proxy p = s.select(uri).get(0);
        if (p.type() == Proxy.Type.DIRECT) return "DIRECT";
        InetSocketAddress a = (InetSocketAddress) p.address();
        return a.getHostString() + ":" + a.getPort();
    }
}
