package org.hybridta.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks shared by the sinks. */
final class Sinks {
    private Sinks() {}

    /** Fails unless {@code dir} exists (or can be created) and a file can be created in it. */
    static void checkWritable(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new IOException(dir + " is a file, not a directory");
        Files.createDirectories(dir);
        Path probe = Files.createTempFile(dir, ".hybridta-probe", ".tmp");
        Files.delete(probe);
    }
}
