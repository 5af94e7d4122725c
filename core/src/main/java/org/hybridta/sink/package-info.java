/**
 * Where a pipeline's results go: {@link org.hybridta.sink.ResultSink} (opened once per run at the root, fed the
 * run's parts in universe order, committed at the end), {@link org.hybridta.sink.RunOutput} (the bars and values
 * of some symbols) and {@link org.hybridta.sink.ChartSink}. The table formats are in hybridta-formats.
 */
package org.hybridta.sink;
