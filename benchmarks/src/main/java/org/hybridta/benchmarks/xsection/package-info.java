/**
 * Benchmarks of the cross-sectional analytics: the Gram product (DSYRK) alone on the CPU and the GPU, with and
 * without the transfers, and the correlation matrix through the public API; {@link
 * org.hybridta.benchmarks.xsection.XsectionReport} turns JMH's results into TFLOP/s.
 */
package org.hybridta.benchmarks.xsection;
