/**
 * CPU benchmarks: HybridTA's CPU backend against TA-Lib's Java port ({@code com.tictactec:ta-lib}) and
 * ta4j ({@code org.ta4j:ta4j-core} 0.17, {@code DoubleNum}), per indicator on one long series
 * ({@link org.hybridta.benchmarks.cpu.SeriesBenchmarks}) and for the whole catalog on a panel of many
 * symbols ({@link org.hybridta.benchmarks.cpu.PanelBenchmarks}); {@link org.hybridta.benchmarks.cpu.CpuPlots}
 * draws the results.
 *
 * <p>Run them all from the shaded jar: {@code java -jar benchmarks/target/benchmarks.jar 'org.hybridta.benchmarks.cpu.*'}.
 */
package org.hybridta.benchmarks.cpu;
