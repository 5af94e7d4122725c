/**
 * Benchmarks of the Yahoo quote source against a local server with fixed latency: how close concurrent
 * fetching comes to the ideal of symbols / concurrency × latency.
 */
package org.hybridta.benchmarks.yahoo;
