/**
 * The function catalog: one class per TA-Lib function, holding everything HybridTA knows about it — TA-Lib's
 * metadata (inputs, parameters with defaults and ranges, outputs), its lookback, its CPU batch kernel and its
 * streaming step — and the registries that list them, one per TA-Lib group ({@code OverlapStudies}, ...),
 * concatenated by {@code Catalog}.
 *
 * <p>Batch and streaming share one formula: a function's arithmetic lives in a step (state updated once per
 * bar, O(1) amortised) or in a shared component ({@code MovingAverage}, {@code SlidingExtreme},
 * {@code RunningVariance}); where the batch loop is written out for speed it performs the same operations in
 * the same order, and {@code StreamTest} proves the two bit-identical for every function of the catalog.
 * A step keeps its state in fields and arrays of this package's classes (no {@code java.util} collections):
 * {@code StateWalker} copies it (a stream's peek) and writes it (a snapshot) without code per function, and
 * {@code StateWalkerTest} proves that for the whole catalog. The public streaming face is {@code org.hybridta.stream}.
 * Composite functions call their components, never copy them. Values equal TA-Lib C 0.6's (its arithmetic
 * order, its 1e-14 zero threshold), which {@code CatalogConformanceTest} checks function by function.
 *
 * <p>The 61 candlestick patterns share {@code Pattern} (their drivers), {@code Candles} (TA-Lib's candle measures)
 * and {@code CandleAverage} (TA-Lib's running candle averages under the public
 * {@link org.hybridta.indicator.CandleSettings}); each pattern keeps its own loop, TA-Lib's.
 *
 * <p>How to add a function: {@code /work/notes/PORTING.md} (in the repository: docs/porting.md once written).
 */
package org.hybridta.functions;
