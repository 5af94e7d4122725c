package org.hybridta.parallel;

import java.util.List;

/**
 * Decides which worker computes which symbols, runs the parts, and brings their results to the root
 * worker, which alone writes the sinks.
 *
 * <p>{@code Partitioners.local(int)} runs the parts on threads of this process; {@code hybridta-mpi}'s
 * partitioner runs one part per MPI rank. Every worker calls the same methods in the same order.
 */
public interface Partitioner extends AutoCloseable {

    /** For summaries, e.g. {@code local (4 threads)} or {@code mpi (8 ranks on 2 hosts)}. */
    String name();

    /** Number of parts a plan should have: threads for the local partitioner, ranks for MPI. */
    int workers();

    /** Whether this process writes the sinks and reports the result. */
    boolean isRoot();

    /**
     * Runs {@code work} on the parts of {@code plan}: the local partitioner runs all of them on its
     * threads; an MPI partitioner takes the plan from the root rank, scatters it, and runs its own part.
     *
     * @param plan {@link #workers()} lists of constituents (some may be empty); read at the root only
     * @return at the root, every part's result in plan order; elsewhere an empty list
     */
    List<PartResult> runParts(List<List<org.hybridta.source.Constituent>> plan, PartWork work);

    /**
     * Makes the root's outcome known to every worker, so that all of them exit alike: {@code null} for
     * success, else the root's one-line error. Called by every worker after the root wrote its sinks.
     *
     * @param rootOutcome the outcome at the root; ignored elsewhere
     * @return the root's outcome
     */
    String shareOutcome(String rootOutcome);

    /** A leaser over {@code deviceCount} devices shared by this partitioner's workers. */
    DeviceLeaser leaser(int deviceCount);

    /** Releases what the partitioner holds. Safe to call twice. */
    @Override default void close() {}
}
