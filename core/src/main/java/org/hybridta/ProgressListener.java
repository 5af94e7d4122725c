package org.hybridta;

/**
 * Hears about a run's progress, stage by stage: symbols fetched, symbols computed, rows written. Called from
 * several threads, possibly concurrently; implementations must be thread-safe and quick. Under MPI each process
 * hears about the fetches and computations of its own parts; the root hears about every row written.
 */
@FunctionalInterface
public interface ProgressListener {

    /** The stages of a run, in the order each part goes through them. */
    enum Stage {
        /** Symbols whose bars were fetched (or failed to be). */
        FETCH,
        /** Symbols computed (or failed). */
        COMPUTE,
        /** Rows (one per symbol and date) written to the sinks, at the root. */
        WRITE
    }

    /**
     * {@code done} of {@code total} units of {@code stage} are finished. {@code done < total} while work of the
     * stage remains, and {@code done == total} once it is finished: for the write, whose rows are known only as the
     * parts come, {@code total} is an estimate until then, never reached early.
     */
    void advanced(Stage stage, long done, long total);

    /** A listener that ignores everything. */
    static ProgressListener none() {
        return (stage, done, total) -> {};
    }
}
