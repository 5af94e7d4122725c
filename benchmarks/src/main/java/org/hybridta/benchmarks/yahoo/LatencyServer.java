package org.hybridta.benchmarks.yahoo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local server that answers every {@code /v8/finance/chart/{symbol}} request with the same year of daily bars
 * in Yahoo's JSON shape (named for the symbol asked for), after a fixed latency, and counts the most requests it ever had in flight.
 */
final class LatencyServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "latency-server");
        t.setDaemon(true);
        return t;
    });
    private final long latencyMillis;
    /** The answer, in two halves around the symbol's name in {@code meta.symbol} (the client checks it names the symbol asked for). */
    private final byte[] head, tail;
    private final AtomicInteger inFlight = new AtomicInteger(), maxInFlight = new AtomicInteger(), requests = new AtomicInteger();

    LatencyServer(long latencyMillis, LocalDate from, int bars) throws IOException {
        this.latencyMillis = latencyMillis;
        String[] halves = chart(from, bars).split("\\{SYMBOL\\}", 2);
        this.head = halves[0].getBytes(StandardCharsets.UTF_8);
        this.tail = halves[1].getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/v8/finance/chart/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    String url() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    int maxInFlight() { return maxInFlight.get(); }

    int requests() { return requests.get(); }

    private void handle(HttpExchange ex) throws IOException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        requests.incrementAndGet();
        boolean counted = true;
        try {
            Thread.sleep(latencyMillis);
            // no longer in flight once the answer starts: the client may send its next request as soon as it has
            // read this one, possibly before this thread runs again, and that must not count as two at once
            inFlight.decrementAndGet();
            counted = false;
            ex.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
            String path = ex.getRequestURI().getPath();
            byte[] symbol = path.substring(path.lastIndexOf('/') + 1).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, head.length + symbol.length + tail.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(head);
                out.write(symbol);
                out.write(tail);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (counted) inFlight.decrementAndGet();
            ex.close();
        }
    }

    /** {@code bars} weekdays from {@code from}, New York, a gentle random walk (seeded, so every run is the same). */
    private static String chart(LocalDate from, int bars) {
        ZoneId ny = ZoneId.of("America/New_York");
        java.util.Random rnd = new java.util.Random(42);
        StringBuilder ts = new StringBuilder(), o = new StringBuilder(), h = new StringBuilder(), l = new StringBuilder(),
                c = new StringBuilder(), a = new StringBuilder(), v = new StringBuilder();
        double price = 100;
        LocalDate d = from;
        for (int i = 0; i < bars; i++) {
            while (d.getDayOfWeek().getValue() > 5) d = d.plusDays(1);
            String sep = i == 0 ? "" : ",";
            double open = price, close = price * (1 + 0.01 * rnd.nextGaussian());
            ts.append(sep).append(d.atTime(9, 30).atZone(ny).toEpochSecond());
            o.append(sep).append(open);
            h.append(sep).append(Math.max(open, close) * 1.005);
            l.append(sep).append(Math.min(open, close) * 0.995);
            c.append(sep).append(close);
            a.append(sep).append(close * 0.98);
            v.append(sep).append(1_000_000 + rnd.nextInt(9_000_000));
            price = close;
            d = d.plusDays(1);
        }
        return "{\"chart\":{\"result\":[{\"meta\":{\"currency\":\"USD\",\"symbol\":\"{SYMBOL}\",\"exchangeTimezoneName\":\"America/New_York\","
                + "\"gmtoffset\":-18000,\"dataGranularity\":\"1d\"},\"timestamp\":[" + ts + "],\"indicators\":{\"quote\":[{\"open\":["
                + o + "],\"high\":[" + h + "],\"low\":[" + l + "],\"close\":[" + c + "],\"volume\":[" + v + "]}],\"adjclose\":[{\"adjclose\":["
                + a + "]}]}}],\"error\":null}}";
    }

    @Override public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
