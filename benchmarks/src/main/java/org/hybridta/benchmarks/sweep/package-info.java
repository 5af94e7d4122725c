/**
 * Parameter sweeps and universe screens on the CPU and the GPU: {@link org.hybridta.benchmarks.sweep.SweepBenchmarks}
 * (EMA 2..201 and a 20 x 10 BBANDS grid over 500 symbols x 2,520 bars: the cube, the cube on the device alone, and the
 * reduced form) and {@link org.hybridta.benchmarks.sweep.ScreenBenchmarks} (10,000 synthetic symbols x 10 years, three
 * conditions, end to end).
 */
package org.hybridta.benchmarks.sweep;
