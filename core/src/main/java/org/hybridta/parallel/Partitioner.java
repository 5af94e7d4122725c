package org.hybridta.parallel;

import java.util.List;
import java.util.function.Consumer;
import org.hybridta.source.Constituent;

/**
 * Decides which worker computes which part of a plan, runs the parts, and brings their results to the root
 * worker, part by part, which alone writes the sinks.
 *
 * <p>{@link Partitioners#local(int)} runs the parts on threads of this process; {@code hybridta-mpi}'s
 * partitioner runs one part per MPI rank. Every worker calls the same methods in the same order.
 */
public interface Partitioner extends AutoCloseable {

    /** For summaries, e.g. {@code local (4 threads)} or {@code mpi (8 ranks on 2 hosts)}. */
    String name();

    /** Number of workers that run parts at once: threads for the local partitioner, ranks for MPI. */
    int workers();

    /**
     * How many of the workers share this machine's processors (all of them for the local partitioner,
     * the node-local ranks for MPI), so that each sizes its CPU thread pool to its share.
     */
    default int workersPerHost() { return workers(); }

    /**
     * How many processes of this run share this machine (1 for the local partitioner, the node-local
     * ranks for MPI), so that a process sizes what it shares per machine — fetch threads — to its share.
     */
    default int processesPerHost() { return 1; }

    /** Whether this process writes the sinks and reports the result. */
    boolean isRoot();

    /**
     * Runs {@code work} on every part of {@code plan} and hands each part's result to {@code atRoot} at the root,
     * once, in plan order, on the calling thread, as soon as it and the parts before it are done: results flow to
     * the root part by part, and memory holds a few parts per worker, not the whole plan. Worker {@code w} runs parts
     * {@code w, w + workers(), w + 2 workers(), …} in order and is told of its next part before it runs one
     * ({@link PartWork#prepare}), so that its fetches can start early. A worker runs ahead of the root by at most
     * one part: it waits while its previous result has not been taken.
     *
     * <p>When {@code atRoot} throws, the root takes the remaining results without handing them on (no worker is
     * left waiting) and rethrows once every part is done.
     *
     * @param plan any number of lists of constituents (some may be empty); read at the root only
     * @throws IllegalArgumentException on every worker alike, when the root's plan is missing or has a missing part
     */
    void runParts(List<List<Constituent>> plan, PartWork work, Consumer<PartResult> atRoot);

    /**
     * Makes a short text the root decided known to every worker: the pipeline shares its backend choice
     * and its outcome this way ({@code null} for success, else the root's one-line error), so that all
     * workers go on, or stop, alike. Every worker calls it at the same point.
     *
     * @param valueAtRoot the text at the root (may be {@code null}); ignored elsewhere
     * @return the root's text
     */
    String broadcast(String valueAtRoot);

    /**
     * Whether the parts run in other processes (MPI ranks), so that this process sees the progress of its own part
     * only. The local partitioners run every part here.
     */
    default boolean isDistributed() { return false; }

    /** This worker, for messages: {@code rank 2 of 4 on node3} under MPI, {@code this process} otherwise. */
    default String workerName() { return "this process"; }

    /**
     * How the job ends, agreed: every worker returns the root's {@code exitCode} (0 to 255), so that each process of
     * a distributed job ends with the same status. Collective: every worker calls it at the same point, last. A
     * worker out of step with the root ends the job rather than hang.
     */
    default int shareExitCode(int exitCode) { return exitCode; }

    /**
     * Gives up this worker's share of a job whose other workers may be waiting for it, after a failure this worker
     * alone met: a distributed partitioner ends every worker now with {@code exitCode} ({@code reason} is logged)
     * and does not return; the local partitioners have nobody waiting and return at once.
     */
    default void abandon(int exitCode, String reason) {}

    /**
     * Whether a worker — another, or this one — has ended the job and said why ({@link #abandon}, a silent worker
     * found), so that this one, stopped by that end, need not say anything more. Always false for the local
     * partitioners.
     */
    default boolean endReported() { return false; }

    /** A leaser over {@code deviceCount} devices shared by this partitioner's workers. */
    DeviceLeaser leaser(int deviceCount);

    /** Releases what the partitioner holds. Safe to call twice. */
    @Override default void close() {}
}
