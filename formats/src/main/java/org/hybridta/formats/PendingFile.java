package org.hybridta.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A file being written: a temporary beside its destination, renamed onto it on {@link #commit} or deleted
 * on {@link #discard}. The destination is the target with symbolic links followed, so a link is written
 * through (it keeps pointing at the new file) rather than replaced; a directory, pipe or device is refused
 * before any work. Temporaries still pending when the JVM shuts down (Ctrl-C) are deleted by a shutdown
 * hook; only a killed JVM can leave one, named {@code .<target name>.<random>.part}.
 */
final class PendingFile {
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    private final Path target;
    private final Path destination;
    private final Path temp;
    private boolean finished;

    private PendingFile(Path target, Path destination, Path temp) {
        this.target = target;
        this.destination = destination;
        this.temp = temp;
    }

    /** A temporary file beside {@code target}'s destination, its folder created when missing. */
    static PendingFile file(Path target, String format) throws IOException {
        return create(target, format, false);
    }

    /** A temporary folder beside {@code target}'s destination, for a writer that needs several files on the way. */
    static PendingFile folder(Path target, String format) throws IOException {
        return create(target, format, true);
    }

    /**
     * Checks, before any work, that {@code target} can be written: follows links, refuses a directory, pipe
     * or device, creates the folder and creates and deletes a probe file in it.
     */
    static void check(Path target, String format) throws IOException {
        create(target, format, false).discard();
    }

    private static PendingFile create(Path target, String format, boolean folder) throws IOException {
        Path destination = destination(target, format);
        Path dir = destination.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw failure(target, e);
        }
        installHook();
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + destination.getFileName() + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".part");
            try {
                if (folder) Files.createDirectory(temp); else Files.createFile(temp);
                PENDING.add(temp);
                return new PendingFile(target, destination, temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) throw failure(target, e);
            } catch (IOException e) {
                throw failure(target, e);
            }
        }
    }

    /** The path the file will have: {@code target} with symbolic links followed; refuses non-regular files. */
    static Path destination(Path target, String format) throws IOException {
        Path p = target.toAbsolutePath();
        if (p.getFileName() == null) throw new IOException(target + ": not a file name");
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) throw new IOException(target + ": too many levels of symbolic links");
            p = p.resolveSibling(Files.readSymbolicLink(p));
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return p;
        } catch (IOException e) {
            throw failure(target, e);
        }
        if (attributes.isDirectory()) throw new IOException(target + ": is a directory; name a file, e.g. " + target.resolve("indicators." + format));
        if (!attributes.isRegularFile()) {
            throw new IOException(target + ": is a pipe or device, not a regular file; " + format
                    + " output is written whole and needs a regular file, e.g. out/indicators." + format);
        }
        return p;
    }

    Path target() { return target; }

    Path temp() { return temp; }

    /**
     * Renames {@code produced} (the temporary file, or a file inside the temporary folder) onto the destination
     * in one step, then deletes what is left of the temporary.
     */
    void commit(Path produced) throws IOException {
        if (finished) throw new IllegalStateException(target + ": already committed or discarded");
        try {
            try {
                Files.move(produced, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // some network file systems cannot rename atomically; a plain replace is the best they offer
                Files.move(produced, destination, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            discard();
            throw failure(target, e);
        }
        discard();
    }

    /** Deletes the temporary (with its contents, for a folder); never throws. */
    void discard() {
        finished = true;
        delete(temp);
        PENDING.remove(temp);
    }

    /**
     * The one-line form of a failure to write {@code file}: {@code out/run.parquet: cannot write: Permission denied}.
     * A failure already in that form is returned as it is.
     */
    static IOException failure(Path file, Throwable e) {
        if (e instanceof WriteFailure w) return w.file.equals(file) ? w : new WriteFailure(file, w.reason, w.getCause());
        if (e instanceof UncheckedIOException u) e = u.getCause();
        String reason;
        if (e instanceof AccessDeniedException) reason = "Permission denied";
        else if (e instanceof NoSuchFileException) reason = "No such file or directory: " + ((NoSuchFileException) e).getFile();
        else if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
            reason = "Not a directory: " + ((FileSystemException) e).getFile();
        } else if (e instanceof FileSystemException f && f.getReason() != null) reason = f.getReason();
        else if (e.getMessage() != null && !e.getMessage().isBlank()) reason = e.getMessage().lines().findFirst().orElse("");
        else reason = e.getClass().getSimpleName();
        return new WriteFailure(file, reason, e);
    }

    /**
     * Throws {@code e}: an {@link IOException} in its one-line form ({@link #failure}), anything else as it is.
     * Declared to return so that callers can write {@code throw rethrow(file, e)}.
     */
    static IOException rethrow(Path file, Throwable e) throws IOException {
        if (e instanceof IOException io) throw failure(file, io);
        if (e instanceof RuntimeException r) throw r;
        if (e instanceof Error err) throw err;
        throw failure(file, e);
    }

    /** A failure whose message names the file and the reason, on one line. */
    static final class WriteFailure extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Path file;
        private final String reason;

        WriteFailure(Path file, String reason, Throwable cause) {
            super(file + ": cannot write: " + reason, cause);
            this.file = file;
            this.reason = reason;
        }
    }

    private static void delete(Path path) {
        try {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            } else {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // nothing more to do: the temporary's name says what it is
        }
    }

    private static void installHook() {
        if (hookInstalled) return;
        synchronized (PENDING) {
            if (hookInstalled) return;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> PENDING.forEach(PendingFile::delete), "hybridta-temporaries"));
            hookInstalled = true;
        }
    }
}
