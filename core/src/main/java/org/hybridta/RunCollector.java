package org.hybridta;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hybridta.io.IoErrors;
import org.hybridta.parallel.PartResult;
import org.hybridta.sink.ResultSink;
import org.hybridta.sink.RunOutput;
import org.hybridta.source.Constituent;
import org.hybridta.source.FailureKind;

/**
 * The root's side of a run: takes the parts' results in universe order, writes each to the sinks at once (and
 * forgets it, unless the run keeps its values), and keeps the statuses and each worker's totals.
 */
final class RunCollector {
    private final Pipeline pipeline;
    private final List<Constituent> members;
    private final List<ResultSink.Session> sessions;
    private final long expectedRows;
    private final Map<String, SymbolStatus> statuses = new HashMap<>();
    private final WorkerTotals workers = new WorkerTotals();
    private final List<RunOutput> kept = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();
    private volatile String failure;
    private long rows, writeNanos;
    private int symbolsWritten;

    RunCollector(Pipeline pipeline, List<Constituent> members, List<ResultSink.Session> sessions, long expectedRows) {
        this.pipeline = pipeline;
        this.members = members;
        this.sessions = sessions;
        this.expectedRows = expectedRows;
    }

    /** Takes one part's result: records it, and writes its values to every sink. */
    void accept(PartResult r) {
        for (SymbolStatus s : r.statuses()) statuses.put(s.symbol(), s);
        int ok = 0;
        long bars = 0;
        for (SymbolStatus s : r.statuses()) {
            if (s.isOk()) {
                ok++;
                bars += s.bars();
            }
        }
        workers.add(r.worker(), ok, bars, r.fetchNanos(), r.computeNanos(), r.backend());
        if (r.series().isEmpty()) return;
        RunOutput part = RunOutput.of(pipeline.indicators(), pipeline.source().isSynthetic(), r.series(), r.values());
        if (pipeline.keepOutput()) kept.add(part);
        if (failure == null && !sessions.isEmpty()) {
            long t0 = System.nanoTime();
            try {
                for (ResultSink.Session s : sessions) s.write(part);
            } catch (IOException e) {
                fail("cannot write output: " + IoErrors.describe(e));
            } catch (RuntimeException | OutOfMemoryError e) {
                part = null;   // room for the message
                fail(OutOfMemory.in(e) ? OutOfMemory.message("writing the output", "fewer symbols or a shorter date range per run")
                        : "writing output failed: " + e);
            }
            writeNanos += System.nanoTime() - t0;
        }
        rows += bars;
        symbolsWritten += ok;
        // the estimate may fall short: the write is not done before its last part
        pipeline.progress().advanced(ProgressListener.Stage.WRITE, rows, Math.max(expectedRows, rows + 1));
    }

    /** The first failure to write, or null; once set, nothing more is written (and parts not begun are not computed). */
    String failure() {
        return failure;
    }

    /**
     * Commits the sinks, or discards them when nothing was computed (an empty file would only hide the failure, which
     * the statuses tell) or writing failed.
     *
     * @return the failure, or null
     */
    String finish() {
        if (failure != null) return failure;
        if (symbolsWritten == 0) {
            closeAll(sessions);
            return null;
        }
        long t0 = System.nanoTime();
        for (ResultSink.Session s : sessions) {
            try {
                files.addAll(s.commit());
            } catch (IOException e) {
                fail("cannot write output: " + IoErrors.describe(e) + written());
            } catch (RuntimeException | OutOfMemoryError e) {
                fail((OutOfMemory.in(e) ? OutOfMemory.message("writing the output", "fewer symbols or a shorter date range per run")
                        : "writing output failed: " + e) + written());
            }
            if (failure != null) break;
        }
        writeNanos += System.nanoTime() - t0;
        pipeline.progress().advanced(ProgressListener.Stage.WRITE, rows, rows);
        return failure;
    }

    private void fail(String reason) {
        failure = reason;
        closeAll(sessions);
    }

    /** What the sinks wrote before one failed: complete files, kept. */
    private String written() {
        if (files.isEmpty()) return "";
        return " (written before: " + String.join(", ", files.stream().map(Path::toString).limit(3).toList())
                + (files.size() > 3 ? " and " + (files.size() - 3) + " more" : "") + ")";
    }

    /** Closes sessions, discarding what they did not commit. */
    static void closeAll(List<ResultSink.Session> sessions) {
        for (ResultSink.Session s : sessions) {
            try {
                s.close();
            } catch (RuntimeException e) {
                // discarding goes on for the others
            }
        }
    }

    long writeNanos() { return writeNanos; }

    List<Path> files() { return List.copyOf(files); }

    /** Every member's status in universe order. */
    List<SymbolStatus> statuses() {
        List<SymbolStatus> ordered = new ArrayList<>(members.size());
        for (Constituent c : members) {
            SymbolStatus s = statuses.get(c.symbol());
            ordered.add(s != null ? s : SymbolStatus.failed(c.symbol(), FailureKind.ERROR, "no worker reported this symbol"));
        }
        return ordered;
    }

    /** The values kept, or null when the run does not keep them. */
    RunOutput output() {
        return pipeline.keepOutput() ? RunOutput.concat(kept, pipeline.indicators(), pipeline.source().isSynthetic()) : null;
    }

    List<PipelineResult.Worker> workers() {
        return workers.list();
    }
}
