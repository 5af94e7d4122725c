package org.hybridta.sink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hybridta.indicator.Indicator;

/**
 * Where a pipeline puts its results, on the root worker only. For each run the pipeline {@link #open opens} a
 * {@link Session}, hands it the run's results part by part in universe order as they are computed, and commits it
 * at the end — or closes it uncommitted when the run fails, which leaves no partial file.
 */
public interface ResultSink {

    /**
     * Starts writing one run's results. Implementations write through {@link org.hybridta.io.AtomicFiles}: whole
     * files or nothing (a temporary file until the commit), and pipes, devices and standard output streamed to.
     *
     * @param indicators the run's indicators, whose output columns every part has ({@link RunOutput#columns()})
     * @param synthetic  whether the bars are made up ({@link org.hybridta.source.QuoteSource#isSynthetic()}): the
     *                   output must say so
     */
    Session open(List<? extends Indicator> indicators, boolean synthetic) throws IOException;

    /**
     * Checks, when the pipeline is built, that what the sink needs is on the class path — a library of the
     * version the sink was built with — so that a run does not compute for minutes and then fail. The default
     * checks nothing.
     *
     * @throws IllegalStateException naming what is missing and the version needed
     */
    default void checkDependencies() {}

    /**
     * Checks, before any work is done, that the sink can write (e.g. the directory is writable), so a run
     * fails in seconds rather than after its computation. The default checks nothing.
     */
    default void check() throws IOException {}

    /** One run's results on their way to a sink; used from one thread. */
    interface Session extends AutoCloseable {
        /** Writes one part of the run: its symbols come after those of the parts written before. */
        void write(RunOutput part) throws IOException;

        /**
         * Finishes the output and publishes it (renames temporaries onto their targets).
         *
         * @return the files written
         */
        List<Path> commit() throws IOException;

        /** Discards whatever was not committed. Safe to call twice, and after {@link #commit()}. */
        @Override void close();
    }
}
