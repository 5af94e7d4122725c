package org.hybridta;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hybridta.sink.RunOutput;

/**
 * What a run did: a status per symbol (universe order), the computed values, what was written, and how
 * long each stage took. On the root worker it covers the whole universe; on other MPI ranks only
 * {@link #isRoot()}, the backend and the timings are meaningful (their statuses are their own part's).
 */
public final class PipelineResult {
    private final boolean root;
    private final List<SymbolStatus> statuses;
    private final RunOutput output;
    private final List<Path> files;
    private final String backend, source, partitioner;
    private final boolean synthetic;
    private final StageTimings timings;
    private final List<Worker> workers;
    private final int warmup;

    /**
     * What one worker did over its parts: in an MPI run a worker is a rank, in a local run a thread.
     *
     * @param worker  who, e.g. {@code rank 3@node1} or {@code worker 0}
     * @param backend the backend that computed, with its device, e.g. {@code cuda (device 1: NVIDIA H200, double)};
     *                empty when the worker computed nothing
     * @param symbols the symbols it computed
     * @param bars    their bars in the run's range
     * @param fetch   its time fetching, over its parts
     * @param compute its time computing, over its parts, waiting for a device lease included
     */
    public record Worker(String worker, String backend, int symbols, long bars, Duration fetch, Duration compute) {}

    PipelineResult(boolean root, List<SymbolStatus> statuses, RunOutput output, List<Path> files, String backend,
                   String source, boolean synthetic, String partitioner, StageTimings timings, List<Worker> workers, int warmup) {
        this.synthetic = synthetic;
        this.root = root;
        this.statuses = List.copyOf(statuses);
        this.output = output;
        this.files = List.copyOf(files);
        this.backend = backend;
        this.source = source;
        this.partitioner = partitioner;
        this.timings = timings;
        this.workers = List.copyOf(workers);
        this.warmup = warmup;
    }

    /** Whether this process gathered the results and wrote the sinks. */
    public boolean isRoot() { return root; }

    /** One status per symbol, in universe order. */
    public List<SymbolStatus> statuses() { return statuses; }

    /** The symbols that failed, with their reasons. */
    public List<SymbolStatus> failures() {
        return statuses.stream().filter(s -> !s.isOk()).toList();
    }

    public int okCount() {
        return (int) statuses.stream().filter(SymbolStatus::isOk).count();
    }

    /** The bars of history asked for before the run's first date ({@link WarmUp}, or the builder's {@code warmup}). */
    public int warmup() { return warmup; }

    /**
     * The symbols computed from less history before the run's first date than {@link #warmup()} asked — listed
     * late, or a source that holds less — in universe order: their first values come later, or (for recursive
     * indicators) differ from those of a run with more history.
     */
    public List<SymbolStatus> shortHistory() {
        return statuses.stream().filter(s -> s.isOk() && s.warmup() < warmup).toList();
    }

    /** Bars computed over all symbols. */
    public long bars() {
        return statuses.stream().mapToLong(SymbolStatus::bars).sum();
    }

    /**
     * Every computed value, at the root, when the run kept them ({@link Pipeline.Builder#keepOutput}); empty elsewhere
     * and otherwise.
     */
    public Optional<RunOutput> output() { return Optional.ofNullable(output); }

    /** The files the sinks wrote. */
    public List<Path> files() { return files; }

    /** The backend that computed, e.g. {@code cpu (16 threads, double)}; several when parts differed. */
    public String backend() { return backend; }

    public String source() { return source; }

    /** Whether the source made the bars up ({@link org.hybridta.source.QuoteSource#isSynthetic()}): a summary should say so. */
    public boolean isSynthetic() { return synthetic; }

    public String partitioner() { return partitioner; }

    public StageTimings timings() { return timings; }

    /**
     * The workers, in order: which backend and device computed how many symbols, and how long each took. At the root
     * every worker; on other MPI ranks their own.
     */
    public List<Worker> workers() { return workers; }

    @Override public String toString() {
        return "PipelineResult[" + okCount() + "/" + statuses.size() + " symbols ok, " + bars() + " bars, " + backend + "]";
    }
}
