package org.hybridta.xsection;

/**
 * One symbol against the benchmark: {@code beta = cov(symbol, benchmark) / var(benchmark)} and their correlation,
 * over {@code days} days (with {@link MissingDays#PAIRWISE_COMPLETE}, the days both have a return; the variance is the
 * benchmark's over those days). NaN when fewer than {@link CrossSection#MIN_DAYS} days or a flat series leave it
 * undefined.
 */
public record Beta(String symbol, double beta, double correlation, int days) {}
