package org.hybridta.sink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Where a pipeline puts its results; called once per run, on the root worker only. */
public interface ResultSink {

    /**
     * Writes the run's results. Implementations write through {@link org.hybridta.io.AtomicFiles}: whole files
     * or nothing (a temporary file, then an atomic move), and pipes, devices and standard output streamed to, so
     * that a failure leaves no partial file.
     *
     * @return the files written
     */
    List<Path> write(RunOutput output) throws IOException;

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
}
