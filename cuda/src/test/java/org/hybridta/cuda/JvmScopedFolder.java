package org.hybridta.cuda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * A temporary folder that is deleted, with everything in it, when the JVM exits: for what the tests share across
 * classes (the g++ builds of cuda/emu's programs), which no single test can delete when it is done.
 */
final class JvmScopedFolder {
    private JvmScopedFolder() {}

    /** A new folder named {@code prefix...} under {@code parent}, deleted at the JVM's exit. */
    static Path create(Path parent, String prefix) throws IOException {
        Path dir = Files.createTempDirectory(parent, prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "delete " + dir));
        return dir;
    }

    /** {@link #create(Path, String)} under java.io.tmpdir. */
    static Path create(String prefix) throws IOException {
        return create(Path.of(System.getProperty("java.io.tmpdir")), prefix);
    }

    /** Deletes {@code dir} and everything in it; nothing if it is already gone. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
