/**
 * Cross-sectional analytics across a universe: the correlation and covariance matrices of daily returns, and each
 * symbol's beta to a benchmark, over the whole sample or in rolling windows. {@link org.hybridta.xsection.CrossSection}
 * is the request, {@link org.hybridta.xsection.CrossSectionResult} the answer, {@link org.hybridta.xsection.AlignedReturns}
 * the returns on one calendar. The matrix products run on a {@link org.hybridta.xsection.GramEngine} found through
 * {@link org.hybridta.xsection.GramEngineProvider} (the CPU's here, cuBLAS in hybridta-cuda);
 * {@link org.hybridta.xsection.CrossSectionSink} writes results ({@link org.hybridta.xsection.CrossSectionCsv}) and
 * {@link org.hybridta.xsection.CorrelationHeatmap} draws a correlation matrix.
 */
package org.hybridta.xsection;
