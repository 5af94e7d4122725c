package org.hybridta.io;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * An output stream to a regular file that keeps a large write out of the page cache: the first {@link #CACHED_BYTES}
 * go through the cache as any write does (a small file is written as usual, and its start stays cached for a quick
 * look), the rest with O_DIRECT from aligned direct buffers of {@link #BUFFER_BYTES}, written by a thread of its own
 * while the caller fills the next, and the file's unaligned end through the cache again. Gigabytes written through
 * the cache cost a small machine a core of system time (copying, dirty-page throttling) and evict what other
 * programs keep cached; O_DIRECT hands the disk the buffers as they are. Where the file system refuses O_DIRECT (at
 * the open or at the first write) the whole file goes through the cache. Used from one thread; errors are the file
 * system's, named by the caller ({@link AtomicFiles}).
 */
final class UncachedFileStream extends OutputStream {
    static final long CACHED_BYTES = 64L << 20;
    static final int BUFFER_BYTES = 8 << 20;
    /** Buffers in turn: one filled by the caller, one written, one spare to even out the disk's pace. */
    private static final int BUFFERS = 3;

    /** Opens the file for O_DIRECT writes; a test stands in a file system that refuses them. */
    @FunctionalInterface
    interface DirectOpener {
        FileChannel open(Path file) throws IOException;
    }

    static final DirectOpener O_DIRECT = file -> FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);

    private final Path file;
    private final FileChannel cached;
    private final long cachedBytes;
    private final int bufferBytes;
    private final DirectOpener opener;
    /** Bytes handed to the file so far (written, or queued for the writer thread). */
    private long position;
    /** The buffer being filled, for the file from {@link #position}; null until the cached part is written. */
    private ByteBuffer filling;
    private Writer writer;
    private boolean closed;

    /** Opens {@code file} (which exists, and is truncated) for a write through this stream. */
    static UncachedFileStream open(Path file) throws IOException {
        return new UncachedFileStream(file, CACHED_BYTES, BUFFER_BYTES, O_DIRECT);
    }

    UncachedFileStream(Path file, long cachedBytes, int bufferBytes, DirectOpener opener) throws IOException {
        this.file = file;
        this.cached = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        this.cachedBytes = cachedBytes;
        this.bufferBytes = bufferBytes;
        this.opener = opener;
    }

    @Override public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override public void write(byte[] b, int off, int len) throws IOException {
        if (closed) throw new IOException("stream closed");
        while (len > 0) {
            if (filling == null && position < cachedBytes) {   // the cached start
                int n = (int) Math.min(len, cachedBytes - position);
                writeFully(cached, ByteBuffer.wrap(b, off, n), position);
                position += n;
                off += n;
                len -= n;
                continue;
            }
            if (filling == null && !startDirect()) {   // refused: through the cache as it was
                writeFully(cached, ByteBuffer.wrap(b, off, len), position);
                position += len;
                return;
            }
            int n = Math.min(len, filling.remaining());
            filling.put(b, off, n);
            off += n;
            len -= n;
            if (!filling.hasRemaining()) {
                int size = filling.position();
                writer.submit(filling.flip(), position);
                position += size;
                filling = writer.free();
            }
        }
    }

    /** After the cached part: the O_DIRECT channel and the writer thread, or false where O_DIRECT is refused. */
    private boolean startDirect() throws IOException {
        if (writer != null) return writer.direct != null;
        FileChannel direct;
        int align;
        try {
            align = (int) Math.max(512, Files.getFileStore(file).getBlockSize());
            direct = position % align == 0 && bufferBytes % align == 0 ? opener.open(file) : null;
        } catch (UnsupportedOperationException | IOException e) {
            direct = null;   // not this file system (a FUSE mount, an old tmpfs)
            align = 1;
        }
        writer = new Writer(direct, align);
        if (direct == null) return false;
        filling = writer.free();
        return true;
    }

    /** Whether any of the file went with O_DIRECT (for tests: the fallback is silent). */
    boolean wroteDirect() {
        return writer != null && writer.wroteDirect;
    }

    /** Writes what is buffered, waits for the writer thread and closes the file. */
    @Override public void close() throws IOException {
        if (closed) return;
        closed = true;
        IOException failure = null;
        try {
            if (filling != null) {
                int n = filling.position(), aligned = n - n % writer.align;
                if (aligned > 0) writer.submit(filling.flip().limit(aligned), position);
                writer.finish();
                // the unaligned end through the cache, after the writer's last buffer (the file's length is right either way)
                writeFully(cached, filling.limit(n).position(aligned), position + aligned);
            } else if (writer != null) {
                writer.finish();
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            if (writer != null) writer.stop();
            try {
                cached.close();
            } catch (IOException e) {
                if (failure == null) failure = e;
            }
        }
        if (failure != null) throw failure;
    }

    private static void writeFully(FileChannel channel, ByteBuffer b, long at) throws IOException {
        while (b.hasRemaining()) at += channel.write(b, at);
    }

    private record Job(ByteBuffer buffer, long at) {}

    private static final Job DONE = new Job(null, -1);

    /**
     * The thread that writes full buffers with O_DIRECT, in the order given, and hands them back. When the first
     * O_DIRECT write fails it writes that buffer and all after through the cache (a file system that opened with
     * O_DIRECT but will not write so); any other failure is kept and thrown to the caller at its next hand-off.
     */
    private final class Writer implements Runnable {
        private final FileChannel direct;
        private final int align;
        private final BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(BUFFERS);
        private final BlockingQueue<Job> full = new ArrayBlockingQueue<>(BUFFERS + 1);
        private final Thread thread;
        private volatile IOException failure;
        private volatile boolean wroteDirect;
        private boolean refused;

        Writer(FileChannel direct, int align) {
            this.direct = direct;
            this.align = align;
            if (direct == null) {
                thread = null;
                return;
            }
            for (int i = 0; i < BUFFERS; i++) free.add(ByteBuffer.allocateDirect(bufferBytes + align).alignedSlice(align));
            thread = new Thread(this, "hybridta-uncached-write");
            thread.setDaemon(true);
            thread.start();
        }

        ByteBuffer free() throws IOException {
            check();
            try {
                return free.take().clear().limit(bufferBytes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing " + file);
            }
        }

        /** Queues {@code b}'s remaining bytes for the file at {@code at}. */
        void submit(ByteBuffer b, long at) throws IOException {
            check();
            try {
                full.put(new Job(b, at));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing " + file);
            }
        }

        /** Waits until every submitted buffer is written. */
        void finish() throws IOException {
            if (thread == null) return;
            try {
                full.put(DONE);
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing " + file);
            }
            check();
        }

        /** Ends the thread (after a failure of the caller's too) and closes the O_DIRECT channel. */
        void stop() {
            if (thread == null) return;
            thread.interrupt();
            try {
                direct.close();
            } catch (IOException e) {
                // the data is written or the write has failed already
            }
        }

        private void check() throws IOException {
            IOException e = failure;
            if (e != null) throw e;
        }

        @Override public void run() {
            try {
                for (Job job; (job = full.take()) != DONE; ) {
                    if (failure == null) write(job.buffer, job.at);
                    free.put(job.buffer);
                }
            } catch (InterruptedException e) {
                // stopped
            }
        }

        private void write(ByteBuffer b, long at) {
            try {
                if (!refused) {
                    try {
                        writeFully(direct, b, at);
                        wroteDirect = true;
                        return;
                    } catch (IOException e) {
                        if (wroteDirect) throw e;
                        refused = true;   // opened with O_DIRECT, but it does not write so: the cache from here on
                        b.rewind();
                    }
                }
                writeFully(cached, b, at);
            } catch (IOException e) {
                failure = e;
            }
        }
    }
}
