package org.hybridta.benchmarks.yahoo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hybridta.source.Constituent;
import org.hybridta.source.FetchResult;
import org.hybridta.yahoo.YahooQuoteSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Wall time to fetch a whole universe ({@code symbols}, 503 as the S&P 500) through {@link YahooQuoteSource}
 * from a local server that answers each request after {@code latencyMillis}, with the source's concurrency cap
 * at {@code concurrency} and as many caller threads (as the pipeline runs it). The ideal is
 * symbols / concurrency × latency; each answer is a year of daily bars (about 30 kB of JSON), parsed in full.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar YahooFetchBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
// The JDK's HttpServer leaves Nagle's algorithm on unless told otherwise; it then holds the body back until the
// client's delayed ACK for the headers (~40 ms), which would be measured as the client's cost. Yahoo's servers
// do not do this, so the server here is told not to.
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
public class YahooFetchBenchmark {
    @Param({"1", "4", "8", "16"}) int concurrency;
    @Param("503") int symbols;
    @Param("100") int latencyMillis;

    private static final LocalDate FROM = LocalDate.of(2024, 1, 2), TO = LocalDate.of(2025, 1, 1);

    private LatencyServer server;
    private YahooQuoteSource source;
    private ExecutorService callers;
    private List<Constituent> universe;

    @Setup(Level.Trial) public void setUp() throws Exception {
        server = new LatencyServer(latencyMillis, FROM, 252);
        source = YahooQuoteSource.builder().baseUrl(server.url()).concurrency(concurrency).build();
        callers = Executors.newFixedThreadPool(source.maxConcurrency());
        universe = new ArrayList<>(symbols);
        for (int i = 0; i < symbols; i++) universe.add(Constituent.of("S" + i));
    }

    @TearDown(Level.Trial) public void tearDown() {
        callers.shutdownNow();
        source.close();
        server.close();
        if (server.maxInFlight() > concurrency) {
            throw new IllegalStateException("the server saw " + server.maxInFlight() + " requests in flight, above the cap " + concurrency);
        }
    }

    @Benchmark public void fetchUniverse(Blackhole bh) throws Exception {
        List<Future<FetchResult>> results = new ArrayList<>(universe.size());
        for (Constituent c : universe) results.add(callers.submit(() -> source.fetch(c, FROM, TO)));
        for (Future<FetchResult> f : results) {
            FetchResult r = f.get();
            if (!r.isOk()) throw new IllegalStateException("fetch failed: " + r);
            bh.consume(r);
        }
    }
}
