package org.hybridta;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Each worker's totals over its parts, in the order the workers were first seen: for {@link PipelineResult#workers()}. */
final class WorkerTotals {
    private final Map<String, long[]> totals = new LinkedHashMap<>();   // symbols, bars, fetch, compute
    private final Map<String, String> backends = new LinkedHashMap<>();

    synchronized void add(String worker, int symbols, long bars, long fetchNanos, long computeNanos, String backend) {
        long[] v = totals.computeIfAbsent(worker, w -> new long[4]);
        v[0] += symbols;
        v[1] += bars;
        v[2] += fetchNanos;
        v[3] += computeNanos;
        if (!backend.isEmpty() || !backends.containsKey(worker)) backends.put(worker, backend);
    }

    synchronized List<PipelineResult.Worker> list() {
        List<PipelineResult.Worker> list = new ArrayList<>(totals.size());
        for (var e : totals.entrySet()) {
            long[] v = e.getValue();
            list.add(new PipelineResult.Worker(e.getKey(), backends.get(e.getKey()), (int) v[0], v[1], Duration.ofNanos(v[2]), Duration.ofNanos(v[3])));
        }
        return list;
    }
}
