package org.hybridta.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides how an output target is written, used by every writer of HybridTA (the CSV and
 * chart sinks, per-symbol bar files, the cache):
 *
 * <ul>
 *   <li><b>A regular file, or a new one</b>, is written whole or not at all: the content goes to a hidden
 *       temporary file {@code .<name>.hybridta-<pid>-<random>.part} in the file's directory, which then
 *       replaces the file in one atomic rename. A reader (or a crash) sees the old file or the new one, never a
 *       half-written one; when writing fails the temporary file is deleted and an existing file is left as it
 *       was. A replaced file keeps its permissions; a new one gets the default permissions of new files.</li>
 *   <li><b>A symbolic link</b> is followed (chains too) and what it names is written as above, atomically in
 *       that file's own directory: the link stays a link.</li>
 *   <li><b>A character device, a named pipe, a path under {@code /proc}</b> (such as {@code /dev/stdout}, a
 *       link to {@code /proc/self/fd/1}) and <b>standard output</b> ({@link #STANDARD_OUTPUT}, {@code -}) are
 *       streamed to directly, with no temporary file: they cannot be replaced, and must not be. What was
 *       streamed before a failure stays streamed.</li>
 *   <li>A directory, a block device or a socket is refused.</li>
 * </ul>
 *
 * <p><b>No temporary file is left behind</b>: one whose write fails is deleted; those in flight when the JVM
 * shuts down (Ctrl-C, SIGTERM, {@code System.exit}) are deleted by a shutdown hook, and the process then writes
 * no new one; one left by a process that was killed outright is deleted by the next process that writes into
 * that directory ({@link #checkWritable}, or its first write there), once its writer is not running and it was
 * last written before this process began writing.
 *
 * <p>Errors name the file asked for, never the temporary file, with the operating system's reason
 * ({@link IoErrors}): {@code out/indicators.csv: no space left on device}. The rename protects against crashes
 * of this process; it does not force the data to disk.
 */
public final class AtomicFiles {
    private static final Logger log = LoggerFactory.getLogger(AtomicFiles.class);

    /** The target that stands for standard output: {@code -} (a file of that name is {@code ./-}). */
    public static final Path STANDARD_OUTPUT = Path.of("-");

    private static final int MAX_LINKS = 40;   // as Linux's own limit on a chain of symbolic links
    private static final Path PROC = Path.of("/proc");
    private static final String MARK = ".hybridta-";
    private static final Pattern TEMPORARY = Pattern.compile("\\..*\\.hybridta-(\\d+)-[0-9a-z]+\\.part");
    private static final long PID = ProcessHandle.current().pid();
    /** When this process began writing files (the process's own start time is known to the second only). */
    private static final Instant STARTED = Instant.now();

    private static final Object LOCK = new Object();
    private static final Set<Path> inFlight = new HashSet<>();   // guarded by LOCK
    private static boolean hookInstalled, shuttingDown;           // guarded by LOCK
    private static final Set<Path> swept = ConcurrentHashMap.newKeySet();

    private AtomicFiles() {}

    /** Something that writes to an open stream or writer and may fail with an {@link IOException}. */
    @FunctionalInterface
    public interface IoConsumer<T> {
        void accept(T t) throws IOException;
    }

    /**
     * Writes {@code target} as UTF-8 text through a buffered writer handed to {@code body} (which may close it or
     * not), as the class description says. The directory of a regular target must exist.
     *
     * @throws IOException whatever {@code body} or the file system threw; a regular target is then unchanged
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
     * Writes {@code target} through an output stream handed to {@code body} (buffered; the body may close it or
     * not), as the class description says. The directory of a regular target must exist.
     *
     * @throws IOException whatever {@code body} or the file system threw; a regular target is then unchanged
     */
    public static void write(Path target, IoConsumer<? super OutputStream> body) throws IOException {
        Objects.requireNonNull(body, "body");
        try (Output out = open(target)) {
            body.accept(out.stream());
            out.commit();
        }
    }

    /**
     * Starts writing {@code target} as the class description says, for a writer that writes it piece by piece:
     * write to {@link Output#stream()}, then {@link Output#commit()}; closing without a commit discards a regular
     * file's temporary (a stream keeps what was streamed). The directory of a regular target must exist.
     *
     * @throws IOException naming the target and the reason
     */
    public static Output open(Path target) throws IOException {
        return open(target, false);
    }

    /**
     * {@link #open} for a large file written once and not soon read back (a run's CSV): a regular file's content past
     * its first 64 MiB bypasses the page cache (O_DIRECT, written by a thread of its own while the caller goes on;
     * through the cache where the file system refuses it). A pipe, a device or standard output is written as by
     * {@link #open}.
     */
    public static Output openUncached(Path target) throws IOException {
        return open(target, true);
    }

    private static Output open(Path target, boolean uncached) throws IOException {
        Objects.requireNonNull(target, "target");
        Plan plan = plan(target);
        if (plan.kind == Kind.STANDARD_OUTPUT) {
            System.out.flush();   // what was printed before comes first
            return new Output(new BufferedOutputStream(new Labelled(new FileOutputStream(FileDescriptor.out), "standard output", false), 1 << 16),
                    null, null, target);
        }
        if (plan.kind == Kind.STREAM) {
            OutputStream raw;
            try {
                // no CREATE: it exists; APPEND: a file behind /proc/self/fd/1 is the shell's redirection, which may be >>
                raw = Files.newOutputStream(plan.path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw IoErrors.about(target, e);
            }
            return new Output(new BufferedOutputStream(new Labelled(raw, target.toString(), true), 1 << 16), null, null, target);
        }
        Path file = plan.path;
        Path dir = file.getParent();
        if (swept.add(dir)) sweep(dir);
        Path tmp = createTemporary(dir, file.getFileName().toString(), target);
        try {
            keepPermissions(file, tmp);
            OutputStream raw = uncached ? UncachedFileStream.open(tmp)
                    : Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            return new Output(new BufferedOutputStream(new Labelled(raw, target.toString(), true), 1 << 16), tmp, file, target);
        } catch (IOException e) {
            discard(tmp);
            throw IoErrors.about(target, e);
        } catch (RuntimeException e) {
            discard(tmp);
            throw e;
        }
    }

    /**
     * A target being written ({@link #open}): a regular file's temporary, renamed onto the file on {@link #commit()},
     * or a stream written to directly. Used from one thread.
     */
    public static final class Output implements AutoCloseable {
        private final OutputStream stream;
        private final Path tmp, file, target;
        private boolean finished;

        private Output(OutputStream stream, Path tmp, Path file, Path target) {
            this.stream = stream;
            this.tmp = tmp;
            this.file = file;
            this.target = target;
        }

        /** Where the content goes (buffered); errors name the target. */
        public OutputStream stream() { return stream; }

        /** The target as it was named. */
        public Path target() { return target; }

        /**
         * Flushes and closes the stream, and renames a regular file's temporary onto it in one step.
         *
         * @throws IOException naming the target; a regular target is then unchanged and the temporary deleted
         */
        public void commit() throws IOException {
            if (finished) throw new IllegalStateException(target + ": already committed or discarded");
            finished = true;
            try {
                stream.close();
                if (tmp == null) return;
                try {
                    try {
                        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        // some network file systems cannot rename atomically; a plain replace is the best they offer
                        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw IoErrors.about(target, e);
                }
            } finally {
                if (tmp != null) discard(tmp);
            }
        }

        /** Discards a regular file's temporary unless committed (a stream is closed; what it got stays). Safe to call twice. */
        @Override public void close() {
            if (finished) return;
            finished = true;
            try {
                stream.close();
            } catch (IOException e) {
                log.debug("closing {} after a failure: {}", target, e.toString());
            }
            if (tmp != null) discard(tmp);
        }
    }

    /** Deletes a temporary (if still there) and forgets it. */
    private static void discard(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            log.debug("cannot delete {}: {}", tmp, e.toString());
        }
        forget(tmp);
    }

    /** Whether {@code target} is {@link #STANDARD_OUTPUT}. */
    public static boolean isStandardOutput(Path target) {
        return STANDARD_OUTPUT.equals(target);
    }

    /**
     * Checks, before any work is done, that {@code target} can be written: a regular (or new) file's directory is
     * created when missing and checked as {@link #checkWritable} does; a pipe or device is not opened (a pipe would
     * wait for its reader), only checked to be one HybridTA may write.
     *
     * @throws IOException naming the target and the reason, e.g. {@code out/x.csv: is a directory}
     */
    public static void checkTarget(Path target) throws IOException {
        Plan plan = plan(Objects.requireNonNull(target, "target"));
        if (plan.kind == Kind.REPLACE) checkWritable(plan.path.getParent());
    }

    /**
     * Makes sure files can be written into {@code dir} before any work is done: creates it when missing, removes
     * temporary files that crashed runs left there, and creates and deletes a hidden probe file in it.
     *
     * @throws IOException naming {@code dir} (never the probe) and the operating system's reason, e.g.
     *                     {@code out: read-only file system}, {@code out: a-file is a file, not a directory}
     */
    public static void checkWritable(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                Path shown = p.equals(dir.toAbsolutePath()) ? dir : p;
                throw new FileSystemException(dir.toString(), null, shown + " is a file, not a directory");
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw IoErrors.about(dir, e);
        }
        sweep(dir);
        swept.add(dir.toAbsolutePath());
        Path probe = createTemporary(dir.toAbsolutePath(), "probe", dir);
        try {
            Files.delete(probe);
        } finally {
            forget(probe);
        }
    }

    /**
     * For a process about to end without running its shutdown hooks ({@code MPI_Abort} ends it natively): deletes
     * the temporary files of the writes in progress, and refuses new ones from now on, as the shutdown hook does.
     */
    public static void abandonAll() {
        shutDown();
    }

    /** Deletes the temporary files of writes still in progress in this process; returns them. For the shutdown hook (and tests). */
    static List<Path> discardUnfinished() {
        List<Path> unfinished;
        synchronized (LOCK) {
            unfinished = new ArrayList<>(inFlight);
        }
        for (Path p : unfinished) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // the process is ending; a stale temporary is removed by the next run that writes there
            }
        }
        return unfinished;
    }

    // ---- how a target is written

    private enum Kind { REPLACE, STREAM, STANDARD_OUTPUT }

    private record Plan(Kind kind, Path path) {}

    /** Follows {@code target}'s links to what it names and decides how to write it; an error names the target. */
    private static Plan plan(Path target) throws IOException {
        try {
            return follow(target);
        } catch (FileSystemException e) {
            throw target.toString().equals(e.getFile()) ? e : IoErrors.about(target, e);
        } catch (IOException e) {
            throw IoErrors.about(target, e);
        }
    }

    private static Plan follow(Path target) throws IOException {
        if (isStandardOutput(target)) return new Plan(Kind.STANDARD_OUTPUT, null);
        Path p = target.toAbsolutePath();
        for (int links = 0; ; links++) {
            Path name = p.getFileName();
            if (name == null) throw new FileSystemException(target.toString(), null, "not a file name");
            Path parent = p.getParent();
            try {
                p = parent.toRealPath().resolve(name);   // the directory's own links resolved: /dev/fd/1 is /proc/<pid>/fd/1
            } catch (IOException e) {
                return new Plan(Kind.REPLACE, p);        // a missing directory, or a file in the way: checkWritable or the write says which
            }
            // /proc holds the kernel's objects: /proc/self/fd/1 "links" to an open file ("pipe:[42]"), to be written as it is
            if (p.startsWith(PROC)) return new Plan(Kind.STREAM, p);
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return new Plan(Kind.REPLACE, p);
            }
            if (a.isSymbolicLink()) {
                if (links == MAX_LINKS) throw new FileSystemException(target.toString(), null, "too many levels of symbolic links");
                p = p.resolveSibling(Files.readSymbolicLink(p));
                continue;
            }
            if (a.isRegularFile()) return new Plan(Kind.REPLACE, p);
            if (a.isDirectory()) throw new FileSystemException(target.toString(), null, "is a directory");
            String refused = refusedKind(p);
            if (refused != null) {
                throw new FileSystemException(target.toString(), null, "is a " + refused + "; write to a file, a pipe or a character device");
            }
            return new Plan(Kind.STREAM, p);   // a character device or a named pipe
        }
    }

    /** "block device" or "socket" for those special files, else null (a character device, a pipe, or unknown). */
    private static String refusedKind(Path p) {
        try {
            int type = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
            if (type == 0060000) return "block device";
            if (type == 0140000) return "socket";
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no "unix" view on this platform: stream, as to any other special file
        }
        return null;
    }

    /** A replaced file keeps its permissions (a key file the user made private stays private). */
    private static void keepPermissions(Path file, Path tmp) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) return;
        try {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file));
        } catch (NoSuchFileException e) {
            // a new file: the default permissions
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("cannot copy the permissions of {}: {}", file, e.toString());
        }
    }

    /** Creates and registers a temporary file in {@code dir}; an error names {@code about}, the file asked for. */
    private static Path createTemporary(Path dir, String name, Path about) throws IOException {
        // a name well below the usual 255-byte limit, whatever the target's
        String base = "." + (name.length() > 100 ? name.substring(0, 100) : name) + MARK + PID + "-";
        synchronized (LOCK) {
            if (shuttingDown) throw new FileSystemException(about.toString(), null, "not written: the process is shutting down");
            installHook();
            for (int attempt = 0; ; attempt++) {
                Path tmp = dir.resolve(base + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".part");
                try {
                    Files.createFile(tmp);
                    inFlight.add(tmp);
                    return tmp;
                } catch (FileAlreadyExistsException e) {
                    if (attempt == 10) throw IoErrors.about(about, e);
                } catch (IOException e) {
                    throw IoErrors.about(about, e);
                }
            }
        }
    }

    private static void forget(Path tmp) {
        synchronized (LOCK) {
            inFlight.remove(tmp);
        }
    }

    private static void installHook() {
        if (hookInstalled) return;
        hookInstalled = true;
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::shutDown, "hybridta-discard-unfinished"));
        } catch (IllegalStateException e) {
            shuttingDown = true;   // the JVM is shutting down already
        }
    }

    private static void shutDown() {
        synchronized (LOCK) {
            shuttingDown = true;
        }
        discardUnfinished();
    }

    /**
     * Removes temporary files that an earlier process left in {@code dir} when it was killed: those of our naming
     * pattern whose writer is not running on this machine and that were last written before this process began
     * writing (a file another machine is writing, on a shared file system, keeps changing).
     */
    private static void sweep(Path dir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*.part")) {
            for (Path p : entries) {
                Matcher m = TEMPORARY.matcher(p.getFileName().toString());
                if (!m.matches()) continue;
                long pid;
                try {
                    pid = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!a.isRegularFile() || !a.lastModifiedTime().toInstant().isBefore(STARTED)) continue;
                Files.deleteIfExists(p);
                log.info("removed {}, an unfinished file of a run that was killed", p);
            }
        } catch (IOException | DirectoryIteratorException e) {
            log.debug("cannot look for stale temporary files in {}: {}", dir, e.toString());
        }
    }

    /** Says which file a write failure is about: the target asked for, not a temporary file. */
    private static final class Labelled extends FilterOutputStream {
        private final String name;
        private final boolean closes;

        Labelled(OutputStream out, String name, boolean closes) {
            super(out);
            this.name = name;
            this.closes = closes;
        }

        @Override public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw about(e);
            }
        }

        @Override public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw about(e);
            }
        }

        @Override public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw about(e);
            }
        }

        /** Standard output is flushed, never closed: the process goes on printing to it. */
        @Override public void close() throws IOException {
            try {
                if (closes) out.close();
                else out.flush();
            } catch (IOException e) {
                throw about(e);
            }
        }

        private IOException about(IOException e) {
            return e instanceof FileSystemException fs && name.equals(fs.getFile()) ? e : IoErrors.about(name, e);
        }
    }
}
