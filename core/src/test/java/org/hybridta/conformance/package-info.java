/**
 * The conformance suite every compute backend runs, shipped in hybridta-core's test-jar:
 * {@link org.hybridta.conformance.BackendConformanceTest} (extend it and return the backend),
 * the references, TA-Lib's C library 0.6 ({@link org.hybridta.conformance.TaLibC}: every function of its
 * abstract interface by name, with its metadata; built by {@code scripts/install-talib-c.sh}; tests that
 * need it skip with the reason where it is missing, {@link org.hybridta.conformance.TaLibCLoaded}) and
 * TA-Lib's Java port 0.4.0 ({@link org.hybridta.conformance.TaLibOracle}, in-JVM, for the functions where
 * both agree), the comparison rule
 * {@link org.hybridta.conformance.Tolerance}, and the test data: seeded synthetic series
 * ({@link org.hybridta.conformance.RandomBars}; {@link org.hybridta.conformance.CandleBars} with planted candlestick
 * patterns) and a realistic daily CSV ({@link org.hybridta.conformance.RealisticBars}), and the fixed workload of the
 * benchmarks and the CUDA tests, the 18 indicators HybridTA began with ({@link org.hybridta.conformance.FirstIndicators}).
 */
package org.hybridta.conformance;
