package org.hybridta.parallel;

import java.util.List;
import java.util.Objects;
import org.hybridta.BarSeries;
import org.hybridta.IndicatorValues;
import org.hybridta.SymbolStatus;

/**
 * What one part of a pipeline run produced: the bars of its range, their indicator values, a status for every
 * member, and how long its stages took.
 *
 * @param part         index of the part in the plan
 * @param worker       who ran it, for summaries (e.g. {@code rank 3@node1})
 * @param series       the series' bars in the run's range (the warm-up before it dropped), in member order, failed
 *                     members absent
 * @param values       their indicator values, series in the same order; {@code null} when {@code series} is empty
 * @param statuses     one status per member, in member order
 * @param fetchNanos   wall time of the fetch stage
 * @param computeNanos wall time of the compute stage (lease wait included)
 * @param backend      description of the backend that computed, or {@code ""} when nothing was computed
 */
public record PartResult(int part, String worker, List<BarSeries> series, IndicatorValues values,
                         List<SymbolStatus> statuses, long fetchNanos, long computeNanos, String backend) {
    public PartResult {
        Objects.requireNonNull(worker, "worker");
        series = List.copyOf(series);
        statuses = List.copyOf(statuses);
        Objects.requireNonNull(backend, "backend");
        if (values == null && !series.isEmpty()) throw new IllegalArgumentException("values missing for " + series.size() + " series");
        if (values != null && values.seriesCount() != series.size()) {
            throw new IllegalArgumentException(values.seriesCount() + " rows of values for " + series.size() + " series");
        }
    }
}
