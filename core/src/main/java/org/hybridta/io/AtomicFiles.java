package org.hybridta.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files whole or not at all: the content goes to a temporary file in the target's directory,
 * which then replaces the target in one atomic rename. A reader (or a crash) sees either the old file
 * or the new one, never a half-written one; when writing fails the temporary file is deleted and an
 * existing target is left as it was.
 *
 * <p>The temporary file is named {@code .<target name>.<random>.part}. It is created with the default
 * permissions of new files (not the owner-only ones of {@link Files#createTempFile}), so the result
 * looks like any other file the user writes. The rename protects against crashes of this process; it
 * does not force the data to disk.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Something that writes to an open stream or writer and may fail with an {@link IOException}. */
    @FunctionalInterface
    public interface IoConsumer<T> {
        void accept(T t) throws IOException;
    }

    /**
     * Writes {@code target} as UTF-8 text through a buffered writer handed to {@code body} (which may close
     * it or not).
     * The target's directory must exist.
     *
     * @throws IOException whatever {@code body} or the file system threw; the target is then unchanged
     */
    public static void writeText(Path target, IoConsumer<? super Writer> body) throws IOException {
        Objects.requireNonNull(body, "body");
        write(target, out -> {
            // closing the writer flushes it (and the stream, which write() closes again harmlessly)
            try (Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
                body.accept(w);
            }
        });
    }

    /**
     * Writes {@code target} through an output stream handed to {@code body} (buffered; the body may close
     * it or not). The target's directory must exist.
     *
     * @throws IOException whatever {@code body} or the file system threw; the target is then unchanged
     */
    public static void write(Path target, IoConsumer<? super OutputStream> body) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(body, "body");
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || absolute.getFileName() == null) throw new IOException(target + ": not a file name");
        if (Files.isDirectory(absolute)) throw new IOException(target + ": is a directory");
        Path tmp = createTemp(dir, absolute.getFileName().toString());
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(
                    Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), 1 << 16)) {
                body.accept(out);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // some network file systems cannot rename atomically; a plain replace is the best they offer
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".part");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) throw e;
            }
        }
    }

    /**
     * Makes sure files can be written into {@code dir} before any work is done: creates it when missing and
     * creates and deletes a hidden probe file in it.
     *
     * @throws IOException naming the problem, e.g. {@code out is a file, not a directory}
     */
    public static void checkWritable(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new IOException(dir + " is a file, not a directory");
        Files.createDirectories(dir);
        Path probe = Files.createTempFile(dir, ".hybridta-", ".probe");
        Files.delete(probe);
    }
}
