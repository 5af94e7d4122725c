package org.hybridta.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link UncachedFileStream} with a small cached start (8 KiB) and small buffers (16 KiB): the file holds exactly the
 * bytes written, in pieces of any size, whether O_DIRECT is used, refused at the open or refused at the first write;
 * a full disk is an error.
 */
class UncachedFileStreamTest {
    private static final int CACHED = 8192, BUFFER = 16384;

    @TempDir Path dir;

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    /** Writes {@code data} in pieces of 1 byte to 40,000 bytes; returns the stream, closed. */
    private static UncachedFileStream write(UncachedFileStream out, byte[] data, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        for (int at = 0; at < data.length; ) {
            int n = Math.min(data.length - at, r.nextInt(4) == 0 ? 1 : r.nextInt(1, 40_000));
            if (n == 1) out.write(data[at]);
            else out.write(data, at, n);
            at += n;
        }
        out.close();
        out.close();   // twice: a no-op
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CACHED - 1, CACHED, CACHED + 1, CACHED + 4096, CACHED + BUFFER, CACHED + BUFFER + 4095,
            CACHED + 5 * BUFFER + 777, CACHED + 7 * BUFFER, 1 << 20})
    void theFileHoldsExactlyTheBytesWrittenWithODirect(int size) throws IOException {
        Path file = Files.createFile(dir.resolve("out.csv"));
        byte[] data = bytes(size, size);
        UncachedFileStream out = write(new UncachedFileStream(file, CACHED, BUFFER, UncachedFileStream.O_DIRECT), data, 1);
        assertThat(Files.readAllBytes(file)).isEqualTo(data);
        assertThat(out.wroteDirect()).as("O_DIRECT used (the temporary folder is on a disk that allows it)")
                .isEqualTo(size >= CACHED + 4096);
    }

    @Test void anExistingFileIsTruncated() throws IOException {
        Path file = Files.write(dir.resolve("out.csv"), bytes(200_000, 3));
        byte[] data = bytes(CACHED + BUFFER + 100, 4);
        write(new UncachedFileStream(file, CACHED, BUFFER, UncachedFileStream.O_DIRECT), data, 2);
        assertThat(Files.readAllBytes(file)).isEqualTo(data);
    }

    @Test void whereTheOpenRefusesODirectTheWholeFileGoesThroughTheCache() throws IOException {
        for (UncachedFileStream.DirectOpener refusing : new UncachedFileStream.DirectOpener[] {
                f -> { throw new UnsupportedOperationException("no O_DIRECT"); },
                f -> { throw new IOException("Invalid argument"); }}) {
            Path file = dir.resolve("out.csv");
            Files.deleteIfExists(file);
            Files.createFile(file);
            byte[] data = bytes(CACHED + 3 * BUFFER + 55, 5);
            UncachedFileStream out = write(new UncachedFileStream(file, CACHED, BUFFER, refusing), data, 3);
            assertThat(Files.readAllBytes(file)).isEqualTo(data);
            assertThat(out.wroteDirect()).isFalse();
        }
    }

    @Test void whereTheFirstODirectWriteFailsTheFileGoesThroughTheCache() throws IOException {
        Path file = Files.createFile(dir.resolve("out.csv"));
        byte[] data = bytes(CACHED + 4 * BUFFER + 4096 + 9, 6);
        UncachedFileStream out = write(new UncachedFileStream(file, CACHED, BUFFER, f -> new Refusing()), data, 4);
        assertThat(Files.readAllBytes(file)).isEqualTo(data);
        assertThat(out.wroteDirect()).isFalse();
    }

    @Test void aFullDiskIsAnError() throws IOException {
        Path small = Files.createDirectory(dir.resolve("small"));
        try (Devices.Mount m = Devices.tmpfs(small, "256k")) {
            Path file = Files.createFile(small.resolve("out.csv"));
            UncachedFileStream out = new UncachedFileStream(file, CACHED, BUFFER, UncachedFileStream.O_DIRECT);
            try {
                assertThatThrownBy(() -> write(out, bytes(1 << 20, 7), 5))
                        .isInstanceOf(IOException.class).hasMessageContaining("No space left on device");
            } finally {
                assertThatThrownBy(out::close).as("closing after the failure says so again").isInstanceOf(IOException.class);
            }
        }
    }

    @Test void atomicFilesNamesTheTargetWhenTheDiskIsFull() throws IOException {
        Path small = Files.createDirectory(dir.resolve("small"));
        try (Devices.Mount m = Devices.tmpfs(small, "1m")) {
            Path target = small.resolve("out.csv");
            assertThatThrownBy(() -> {
                try (AtomicFiles.Output o = AtomicFiles.openUncached(target)) {
                    o.stream().write(bytes(4 << 20, 8));
                    o.commit();
                }
            }).isInstanceOf(IOException.class).hasMessage(target + ": no space left on device");
            try (var list = Files.list(small)) {
                assertThat(list).as("no temporary left").isEmpty();
            }
        }
    }

    @Test void atomicFilesStreamsToADeviceAsItWould() throws IOException {
        Path nul = dir.resolve("null");
        Devices.assumeMknod(nul, 1, 3);
        try (AtomicFiles.Output o = AtomicFiles.openUncached(nul)) {
            o.stream().write(bytes(1 << 20, 9));
            o.commit();
        }
        assertThat(Devices.isCharacterDevice(nul)).isTrue();
    }

    /** A channel that opened, but refuses every write as a file system without O_DIRECT writes does (EINVAL). */
    private static final class Refusing extends FileChannel {
        @Override public int write(ByteBuffer src, long position) throws IOException { throw new IOException("Invalid argument"); }
        @Override public int read(ByteBuffer dst) { throw new UnsupportedOperationException(); }
        @Override public long read(ByteBuffer[] dsts, int offset, int length) { throw new UnsupportedOperationException(); }
        @Override public int write(ByteBuffer src) { throw new UnsupportedOperationException(); }
        @Override public long write(ByteBuffer[] srcs, int offset, int length) { throw new UnsupportedOperationException(); }
        @Override public long position() { return 0; }
        @Override public FileChannel position(long newPosition) { return this; }
        @Override public long size() { return 0; }
        @Override public FileChannel truncate(long size) { return this; }
        @Override public void force(boolean metaData) { }
        @Override public long transferTo(long position, long count, WritableByteChannel target) { throw new UnsupportedOperationException(); }
        @Override public long transferFrom(ReadableByteChannel src, long position, long count) { throw new UnsupportedOperationException(); }
        @Override public int read(ByteBuffer dst, long position) { throw new UnsupportedOperationException(); }
        @Override public MappedByteBuffer map(MapMode mode, long position, long size) { throw new UnsupportedOperationException(); }
        @Override public FileLock lock(long position, long size, boolean shared) { throw new UnsupportedOperationException(); }
        @Override public FileLock tryLock(long position, long size, boolean shared) { throw new UnsupportedOperationException(); }
        @Override protected void implCloseChannel() { }
    }
}
