package org.hybridta.yahoo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Yahoo's chart API: answers scripted replies per symbol path, counts every request and
 * the most requests in flight at once. Unknown symbols get Yahoo's 404.
 *
 * <p>Public, in this module's test-jar, so that other modules' tests (the command line's) can point a
 * {@link YahooQuoteSource} at it too.
 */
public final class FakeYahoo implements AutoCloseable {
    private static final String PREFIX = "/v8/finance/chart/";

    /**
     * One scripted answer.
     *
     * @param trickleMillis 0 to send the body at once; else the pause before each of its bytes, as a server that
     *                      keeps a connection alive without ever finishing its answer
     */
    public record Reply(int status, String body, Map<String, String> headers, long delayMillis, long trickleMillis) {
        public static Reply ok(String json) { return new Reply(200, json, Map.of("Content-Type", "application/json;charset=utf-8"), 0, 0); }

        public static Reply status(int status, String body) {
            return new Reply(status, body, Map.of("Content-Type", "application/json;charset=utf-8"), 0, 0);
        }

        public static Reply html(int status, String html) { return new Reply(status, html, Map.of("Content-Type", "text/html; charset=utf-8"), 0, 0); }

        public Reply header(String name, String value) {
            Map<String, String> h = new java.util.HashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, Map.copyOf(h), delayMillis, trickleMillis);
        }

        public Reply delayed(long millis) { return new Reply(status, body, headers, millis, trickleMillis); }

        /** The body one byte at a time, {@code millis} apart. */
        public Reply trickled(long millis) { return new Reply(status, body, headers, delayMillis, millis); }
    }

    /**
     * A URL where nothing listens, so that connecting is refused: the port of a socket that was bound and closed
     * again (nothing else takes it in the moment a test needs it).
     */
    public static String refusingUrl() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    /** What a request looked like. */
    public record Seen(String rawPath, String rawQuery, String userAgent, String cookie, long nanoTime) {}

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-yahoo");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile long latencyMillis;

    private FakeYahoo() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    public static FakeYahoo start() throws IOException { return new FakeYahoo(); }

    public String url() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    /**
     * Scripts the answers for one symbol, given as it appears in the raw path (e.g. {@code %5EGSPC}); the last
     * reply repeats once the others are used up.
     */
    public FakeYahoo on(String rawSymbol, Reply... replies) {
        scripts.put(PREFIX + rawSymbol, new ArrayDeque<>(List.of(replies)));
        return this;
    }

    /** Adds this much latency to every request. */
    public FakeYahoo latency(long millis) {
        this.latencyMillis = millis;
        return this;
    }

    public int requests(String rawSymbol) {
        AtomicInteger c = counts.get(PREFIX + rawSymbol);
        return c == null ? 0 : c.get();
    }

    public int totalRequests() { return seen.size(); }

    public List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    public int maxInFlight() { return maxInFlight.get(); }

    private void handle(HttpExchange ex) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        boolean counted = true;
        try {
            String path = ex.getRequestURI().getRawPath();
            seen.add(new Seen(path, ex.getRequestURI().getRawQuery(), ex.getRequestHeaders().getFirst("User-Agent"),
                    ex.getRequestHeaders().getFirst("Cookie"), System.nanoTime()));
            counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Reply reply = next(path);
            long delay = latencyMillis + reply.delayMillis();
            if (delay > 0) Thread.sleep(delay);
            // no longer in flight once the answer starts: the client may send its next request as soon as it has
            // read this one, possibly before this thread runs again, and that must not count as two at once
            inFlight.decrementAndGet();
            counted = false;
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.getResponseHeaders().add("Set-Cookie", "A3=secret-session; Path=/");
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    if (reply.trickleMillis() == 0) out.write(body);
                    for (int i = 0; reply.trickleMillis() > 0 && i < body.length; i++) {
                        Thread.sleep(reply.trickleMillis());
                        out.write(body[i]);
                        out.flush();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (e.g. its timeout): nothing to answer
        } finally {
            if (counted) inFlight.decrementAndGet();
            ex.close();
        }
    }

    private Reply next(String path) {
        Deque<Reply> script = scripts.get(path);
        if (script == null) return Reply.status(404, ChartJson.notFound());
        synchronized (script) {
            return script.size() > 1 ? script.poll() : script.peek();
        }
    }

    @Override public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
