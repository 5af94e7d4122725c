package org.hybridta.xsection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link CrossSectionResult} somewhere: {@link CrossSectionCsv} writes CSV; another format (Parquet, a
 * database) is another implementation of this interface, chosen by the caller (the command line's {@code --format}).
 */
public interface CrossSectionSink {

    /** Checks, before any work is done, that the sink can write (its directory exists or can be created, and is writable). */
    void check() throws IOException;

    /**
     * Writes the result, each file whole or not at all.
     *
     * @return the files written
     */
    List<Path> write(CrossSectionResult result) throws IOException;
}
