package org.hybridta.sink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Where a pipeline puts its results; called once per run, on the root worker only. */
public interface ResultSink {

    /**
     * Writes the run's results. Implementations write whole files or nothing (temporary file, then an
     * atomic move), so a failure leaves no partial output.
     *
     * @return the files written
     */
    List<Path> write(RunOutput output) throws IOException;

    /**
     * Checks, before any work is done, that the sink can write (e.g. the directory is writable), so a run
     * fails in seconds rather than after its computation. The default checks nothing.
     */
    default void check() throws IOException {}
}
