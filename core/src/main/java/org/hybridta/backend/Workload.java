package org.hybridta.backend;

/**
 * The size of one worker's share of a run, for {@code auto}'s choice of backend ({@link BackendProvider#estimateSeconds}).
 *
 * @param bars    bars over all the worker's series (warm-up included)
 * @param columns output columns per bar (all the specs' outputs)
 * @param threads CPU threads the worker computes with
 */
public record Workload(long bars, int columns, int threads) {
    public Workload {
        if (bars < 0 || columns < 0 || threads < 1) throw new IllegalArgumentException("workload: bars " + bars + ", columns " + columns + ", threads " + threads);
    }

    /** Output values to compute: {@code bars × columns}. */
    public long cells() {
        return bars * columns;
    }
}
