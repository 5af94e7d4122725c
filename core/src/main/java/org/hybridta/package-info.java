/**
 * HybridTA's data model: {@link org.hybridta.BarSeries} (one symbol's bars, columnar),
 * {@link org.hybridta.Panel} (many series in one block, the unit of computation),
 * {@link org.hybridta.HostPanel} (the same in caller-owned native memory, for
 * {@link org.hybridta.backend.ComputeBackend#computeInto ComputeBackend.computeInto}) and
 * {@link org.hybridta.IndicatorValues} (what a backend returns), and {@link org.hybridta.BarChecks}, the one check
 * for bars that cannot be (a price of 0, a high below the low).
 */
package org.hybridta;
