/**
 * Quote sources: the {@link org.hybridta.source.QuoteSource} SPI, typed per-symbol
 * {@link org.hybridta.source.FetchResult}s, and the synthetic, CSV and caching implementations.
 */
package org.hybridta.source;
