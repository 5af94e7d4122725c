/**
 * Yahoo Finance quote source for HybridTA, on Apache HttpClient 5: {@link org.hybridta.yahoo.YahooQuoteSource}
 * (a {@link org.hybridta.source.QuoteSource} over Yahoo's unofficial v8 chart API), with
 * {@link org.hybridta.yahoo.YahooChart} for dividends and splits and {@link org.hybridta.yahoo.YahooFetchException}
 * for a symbol's typed failure. Parsing, symbol checks and backoff are package-private.
 */
package org.hybridta.yahoo;
