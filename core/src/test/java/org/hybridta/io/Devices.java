package org.hybridta.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Special files and mounts made in a test's own temporary folder, never the machine's: named pipes, character
 * devices (mknod, root only), read-only folders and small file systems (mount, root only). Where the machine does
 * not allow one, the test is skipped with the reason.
 */
public final class Devices {
    private Devices() {}

    /** Whether this process runs as root (uid 0). */
    public static boolean isRoot() {
        try {
            return run("id", "-u").strip().equals("0");
        } catch (IOException e) {
            return false;
        }
    }

    /** Makes a named pipe at {@code path}; skips the test where mkfifo is missing. */
    public static void mkfifo(Path path) throws IOException {
        try {
            run("mkfifo", path.toString());
        } catch (IOException e) {
            assumeTrue(false, "skipped: cannot make a named pipe (" + e.getMessage() + ")");
        }
    }

    /** Makes a character device at {@code path} ({@code 1 3} is null, {@code 1 7} full); skips the test unless root may. */
    public static void assumeMknod(Path path, int major, int minor) throws IOException {
        assumeTrue(isRoot(), "skipped: making a character device (mknod) needs root");
        try {
            run("mknod", path.toString(), "c", Integer.toString(major), Integer.toString(minor));
        } catch (IOException e) {
            assumeTrue(false, "skipped: mknod is not allowed here (" + e.getMessage() + ")");
        }
    }

    /** Whether {@code path} itself (not a link's target) is a character device. */
    public static boolean isCharacterDevice(Path path) throws IOException {
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return (mode & 0170000) == 0020000;
    }

    /** A folder made unwritable for the rest of a test, and writable again on close. */
    public interface ReadOnly extends AutoCloseable {
        /** The reason the operating system gives for a write there, as HybridTA words it. */
        String reason();

        @Override void close() throws IOException;
    }

    /**
     * Makes {@code dir} unwritable: as root (whom permission bits do not stop) a read-only bind mount of it onto
     * itself; otherwise mode 555. Skips the test where neither is possible.
     */
    public static ReadOnly readOnly(Path dir) throws IOException {
        if (!isRoot()) {
            run("chmod", "555", dir.toString());
            return new ReadOnly() {
                @Override public String reason() { return "permission denied"; }
                @Override public void close() throws IOException { run("chmod", "755", dir.toString()); }
            };
        }
        try {
            run("mount", "--bind", dir.toString(), dir.toString());
        } catch (IOException e) {
            assumeTrue(false, "skipped: root, but mounting is not allowed here (" + e.getMessage() + "), and permission bits do not stop root");
        }
        try {
            run("mount", "-o", "remount,ro,bind", dir.toString());
        } catch (IOException e) {
            run("umount", dir.toString());
            throw e;
        }
        return new ReadOnly() {
            @Override public String reason() { return "read-only file system"; }
            @Override public void close() throws IOException { run("umount", dir.toString()); }
        };
    }

    /** A small file system mounted at {@code dir} for the rest of a test, unmounted on close. */
    public interface Mount extends AutoCloseable {
        @Override void close() throws IOException;
    }

    /** Mounts a tmpfs of {@code size} (e.g. {@code 64k}) at {@code dir}, which must exist; skips the test unless root may. */
    public static Mount tmpfs(Path dir, String size) throws IOException {
        assumeTrue(isRoot(), "skipped: mounting a small file system (to fill it) needs root");
        try {
            run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        } catch (IOException e) {
            assumeTrue(false, "skipped: mounting is not allowed here (" + e.getMessage() + ")");
        }
        return () -> run("umount", dir.toString());
    }

    /** Runs a command, returns its output; fails with its output when it exits non-zero or cannot start. */
    static String run(String... command) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(command[0] + ": " + e.getMessage(), e);
        }
        try {
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + ": still running after 30 s");
            }
            if (p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "): " + out.strip());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
