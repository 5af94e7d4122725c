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
    private final List<Part> parts;

    /**
     * What one part of the work did: in an MPI run a part is a rank's share, in a local run a worker's.
     *
     * @param part    the part's index (the MPI rank for {@code mpi})
     * @param backend the backend that computed it, with its device, e.g. {@code cuda (device 1: NVIDIA H200, double)};
     *                empty when the part computed nothing
     * @param symbols the part's symbols computed
     * @param bars    their bars
     * @param fetch   the part's fetch stage
     * @param compute the part's compute stage, waiting for a device lease included
     */
    public record Part(int part, String backend, int symbols, long bars, Duration fetch, Duration compute) {}

    PipelineResult(boolean root, List<SymbolStatus> statuses, RunOutput output, List<Path> files, String backend,
                   String source, boolean synthetic, String partitioner, StageTimings timings, List<Part> parts) {
        this.synthetic = synthetic;
        this.root = root;
        this.statuses = List.copyOf(statuses);
        this.output = output;
        this.files = List.copyOf(files);
        this.backend = backend;
        this.source = source;
        this.partitioner = partitioner;
        this.timings = timings;
        this.parts = List.copyOf(parts);
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

    /** Bars computed over all symbols. */
    public long bars() {
        return statuses.stream().mapToLong(SymbolStatus::bars).sum();
    }

    /** The computed values, at the root; empty elsewhere, and when the run did not collect them ({@link Pipeline.Builder#collectValues}). */
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
     * The parts of the work, in part order: which backend and device computed how many symbols, and how long each
     * part took. At the root every part; on other MPI ranks their own.
     */
    public List<Part> parts() { return parts; }

    @Override public String toString() {
        return "PipelineResult[" + okCount() + "/" + statuses.size() + " symbols ok, " + bars() + " bars, " + backend + "]";
    }
}
