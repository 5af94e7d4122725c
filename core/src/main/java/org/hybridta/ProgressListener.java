package org.hybridta;

/**
 * Hears about a run's progress: each symbol once, when it is done (computed or failed). Called from
 * worker threads, possibly concurrently; implementations must be thread-safe and quick. Under MPI each
 * process hears about its own symbols only.
 */
@FunctionalInterface
public interface ProgressListener {

    /**
     * @param status what happened to the symbol
     * @param done   symbols done so far in this process, this one included
     * @param total  symbols this process will do
     */
    void symbolDone(SymbolStatus status, int done, int total);

    /** A listener that ignores everything. */
    static ProgressListener none() {
        return (status, done, total) -> {};
    }
}
