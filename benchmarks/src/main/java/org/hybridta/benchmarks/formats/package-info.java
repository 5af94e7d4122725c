/**
 * The output formats' speed and size: {@link org.hybridta.benchmarks.formats.TableWriterBenchmarks} (JMH,
 * rows per second of Parquet, DuckDB and CSV on one table) and {@link org.hybridta.benchmarks.formats.FormatRun}
 * (the whole 5,000-symbol run streamed part by part into one file, with its peak heap).
 */
package org.hybridta.benchmarks.formats;
