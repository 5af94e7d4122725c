/**
 * Streaming latency: {@link org.hybridta.benchmarks.stream.StreamBenchmarks} — nanoseconds per bar of one series for
 * every function of the catalog (update and peek), and a universe tick (10,000 symbols × the 18 original indicators)
 * sampled for its p50 and p99.
 *
 * <p>Run from the shaded jar: {@code java -cp benchmarks/target/benchmarks.jar org.hybridta.benchmarks.stream.StreamBenchmarks}
 * (the whole catalog), or {@code java -jar benchmarks/target/benchmarks.jar 'stream.StreamBenchmarks.universeTick'}.
 */
package org.hybridta.benchmarks.stream;
