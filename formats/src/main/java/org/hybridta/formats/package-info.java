/**
 * A run's long table (one row per symbol and date) as CSV, Apache Parquet or a DuckDB database, part by part
 * with bounded memory, whole or not at all.
 *
 * <p>{@link org.hybridta.formats.TableSink} is the pipeline's sink for all three. Without a pipeline, describe
 * the columns with a {@link org.hybridta.formats.TableSchema} (dates, dictionary-encoded symbols, float64 and
 * int32 values, NULL where a value is NaN), open a {@link org.hybridta.formats.TableWriter} with
 * {@link org.hybridta.formats.TableFormat#open}, bind batches of rows to your own primitive arrays with a
 * {@link org.hybridta.formats.RowBatch}, append them and {@link org.hybridta.formats.TableWriter#commit() commit}.
 * CSV is formatted on every core in full precision; Parquet is written by parquet-java's file layer with zstd-jni
 * and needs no Hadoop; DuckDB output needs DuckDB's JDBC driver on the class path.
 */
package org.hybridta.formats;
