package org.hybridta.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir Path dir;

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test void writesTheWholeTextAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.csv");
        AtomicFiles.writeText(target, w -> w.write("a,b\n1,2\n"));
        assertThat(Files.readString(target)).isEqualTo("a,b\n1,2\n");
        assertThat(entries()).containsExactly(target);
    }

    @Test void writesBytes() throws IOException {
        Path target = dir.resolve("out.bin");
        AtomicFiles.write(target, out -> out.write(new byte[] {1, 2, 3}));
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
    }

    @Test void replacesAnExistingFile() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old, and longer than the new content\n");
        AtomicFiles.writeText(target, w -> w.write("new\n"));
        assertThat(Files.readString(target)).isEqualTo("new\n");
        assertThat(entries()).containsExactly(target);
    }

    @Test void aBodyMayCloseWhatItIsGiven() throws IOException {
        Path target = dir.resolve("out.csv");
        AtomicFiles.writeText(target, w -> {
            w.write("x\n");
            w.close();
        });
        assertThat(Files.readString(target)).isEqualTo("x\n");
    }

    @Test void aFailingWriterLeavesNoTargetAndNoTemporaryFile() {
        Path target = dir.resolve("out.csv");
        assertThatThrownBy(() -> AtomicFiles.writeText(target, w -> {
            w.write("half a file".repeat(10_000));   // more than the buffer, so bytes reach the temporary file
            throw new IOException("disk on fire");
        })).isInstanceOf(IOException.class).hasMessage("disk on fire");
        assertThat(target).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test void anUncheckedFailureLeavesNoTemporaryFileEither() {
        Path target = dir.resolve("out.csv");
        assertThatThrownBy(() -> AtomicFiles.writeText(target, w -> {
            w.write("partial");
            throw new UncheckedIOException(new IOException("boom"));
        })).isInstanceOf(UncheckedIOException.class);
        assertThat(dir).isEmptyDirectory();
    }

    @Test void anExistingTargetStaysIntactWhenWritingFails() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "precious\n");
        assertThatThrownBy(() -> AtomicFiles.writeText(target, w -> {
            w.write("garbage".repeat(100_000));
            throw new IllegalStateException("compute failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(target)).isEqualTo("precious\n");
        assertThat(entries()).containsExactly(target);
    }

    @Test void aDirectoryIsNotReplaced() throws IOException {
        Path target = Files.createDirectory(dir.resolve("out"));
        assertThatThrownBy(() -> AtomicFiles.writeText(target, w -> w.write("x")))
                .isInstanceOf(IOException.class).hasMessageContaining("is a directory");
        assertThat(entries()).containsExactly(target);
        assertThat(target).isEmptyDirectory();
    }

    @Test void aMissingDirectoryIsReportedAndNothingIsCreated() {
        Path target = dir.resolve("no/such/dir/out.csv");
        assertThatThrownBy(() -> AtomicFiles.writeText(target, w -> w.write("x"))).isInstanceOf(NoSuchFileException.class);
        assertThat(dir).isEmptyDirectory();
    }

    @Test void newFilesGetTheUsualPermissionsNotOwnerOnly() throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) return;   // nothing to compare elsewhere
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path target = dir.resolve("atomic.txt");
        AtomicFiles.writeText(target, w -> w.write("x"));
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    // ---- targets that are not regular files: written through, never replaced

    @Test void aSymlinkIsWrittenThroughToItsTargetWhichIsReplacedAtomicallyInItsOwnDirectory() throws IOException {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path real = Files.writeString(elsewhere.resolve("real.csv"), "old\n");
        Path here = Files.createDirectory(dir.resolve("here"));
        Path link = Files.createSymbolicLink(here.resolve("link.csv"), Path.of("../elsewhere/real.csv"));
        AtomicFiles.writeText(link, w -> w.write("new\n"));
        assertThat(Files.isSymbolicLink(link)).as("the link stays a link").isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("../elsewhere/real.csv"));
        assertThat(Files.readString(real)).isEqualTo("new\n");
        assertThat(names(here)).containsExactly("link.csv");
        assertThat(names(elsewhere)).containsExactly("real.csv");
    }

    @Test void aDanglingSymlinkCreatesItsTarget() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("made.csv"));
        AtomicFiles.writeText(link, w -> w.write("x\n"));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(dir.resolve("made.csv"))).isEqualTo("x\n");
        assertThat(names(dir)).containsExactly("link.csv", "made.csv");
    }

    @Test void aChainOfSymlinksEndsAtTheFileItNames() throws IOException {
        Path real = Files.writeString(dir.resolve("real.csv"), "old");
        Path a = Files.createSymbolicLink(dir.resolve("a"), real);
        Path b = Files.createSymbolicLink(dir.resolve("b"), a);
        AtomicFiles.write(b, out -> out.write('z'));
        assertThat(Files.readString(real)).isEqualTo("z");
        assertThat(Files.isSymbolicLink(a) && Files.isSymbolicLink(b)).isTrue();
    }

    @Test void aSymlinkLoopIsReportedNotFollowedForever() throws IOException {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        assertThatThrownBy(() -> AtomicFiles.writeText(a, w -> w.write("x")))
                .isInstanceOf(IOException.class).hasMessageContaining(a.toString()).hasMessageContaining("symbolic links");
        assertThat(names(dir)).containsExactly("a", "b");
    }

    @Test void aNamedPipeIsStreamedToWithoutATemporaryFile() throws Exception {
        Path fifo = dir.resolve("pipe");
        Devices.mkfifo(fifo);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<byte[]> read = reader.submit(() -> Files.readAllBytes(fifo));   // blocks until the writer opens it
            AtomicFiles.writeText(fifo, w -> {
                w.write("streamed\n");
                w.flush();
                assertThat(names(dir)).as("nothing but the pipe while writing").containsExactly("pipe");
            });
            assertThat(new String(read.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8)).isEqualTo("streamed\n");
        } finally {
            reader.shutdownNow();
        }
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).as("still a pipe").isFalse();
        assertThat(names(dir)).containsExactly("pipe");
    }

    @Test void aCharacterDeviceIsWrittenToNotReplaced() throws IOException {
        Path nul = dir.resolve("null");
        Devices.assumeMknod(nul, 1, 3);   // a /dev/null of our own, never the machine's
        AtomicFiles.writeText(nul, w -> w.write("discarded".repeat(10_000)));
        assertThat(Devices.isCharacterDevice(nul)).as("still the device").isTrue();
        assertThat(names(dir)).containsExactly("null");
    }

    @Test void aFullCharacterDeviceFailsNamingTheTarget() throws IOException {
        Path full = dir.resolve("full");
        Devices.assumeMknod(full, 1, 7);   // a /dev/full of our own: every write fails with ENOSPC
        assertThatThrownBy(() -> AtomicFiles.writeText(full, w -> w.write("x".repeat(200_000))))
                .isInstanceOf(IOException.class).hasMessageContaining(full.toString()).hasMessageContaining("no space left on device");
        assertThat(Devices.isCharacterDevice(full)).as("still the device").isTrue();
        assertThat(names(dir)).containsExactly("full");
    }

    @Test void aSymlinkToADeviceWritesToTheDevice() throws IOException {
        Path nul = dir.resolve("null");
        Devices.assumeMknod(nul, 1, 3);
        Path link = Files.createSymbolicLink(dir.resolve("out.csv"), nul);
        AtomicFiles.writeText(link, w -> w.write("x"));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Devices.isCharacterDevice(nul)).isTrue();
        assertThat(names(dir)).containsExactly("null", "out.csv");
    }

    // ---- temporaries: removed when writing fails, and left-overs of crashed runs removed by the next write there

    @Test void aStaleTemporaryOfACrashedRunIsRemovedWhenTheNextWriteStarts() throws IOException {
        Path stale = Files.writeString(dir.resolve(".indicators.csv.hybridta-999999999-1x2y3z.part"), "half a file");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(3))));
        Path other = Files.writeString(dir.resolve(".someone-else.abc.part"), "not ours");
        Files.setLastModifiedTime(other, FileTime.from(Instant.now().minus(Duration.ofHours(3))));
        AtomicFiles.writeText(dir.resolve("indicators.csv"), w -> w.write("x"));
        assertThat(names(dir)).containsExactly(".someone-else.abc.part", "indicators.csv");
    }

    @Test void aTemporaryNewerThanThisProcessIsLeftAlone() throws IOException {
        // another run may be writing it right now (on another machine, where its process cannot be seen)
        AtomicFiles.isStandardOutput(dir);   // this process has begun writing before the file changed last
        Path fresh = Files.writeString(dir.resolve(".indicators.csv.hybridta-999999999-4d5e6f.part"), "being written");
        AtomicFiles.checkWritable(dir);
        assertThat(fresh).exists();
    }

    @Test void writesInFlightWhenTheProcessShutsDownLeaveNoTemporaryAndNoTarget() throws Exception {
        Path target = dir.resolve("out.csv");
        CountDownLatch writing = new CountDownLatch(1), release = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> write = writer.submit(() -> {
                AtomicFiles.writeText(target, w -> {
                    w.write("x".repeat(100_000));
                    w.flush();
                    writing.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                    w.write("the rest");
                });
                return null;
            });
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(names(dir)).singleElement().asString().matches("\\.out\\.csv\\.hybridta-\\d+-[0-9a-z]+\\.part");
            // what the shutdown hook does on Ctrl-C or SIGTERM
            assertThat(AtomicFiles.discardUnfinished()).hasSize(1);
            assertThat(names(dir)).isEmpty();
            release.countDown();
            assertThatThrownBy(write::get).hasCauseInstanceOf(IOException.class).hasMessageContaining(target.toString());
        } finally {
            writer.shutdownNow();
        }
        assertThat(names(dir)).as("the unfinished file never replaces the target").isEmpty();
    }

    @Test void checkWritableRemovesStaleTemporaries() throws IOException {
        Path stale = Files.writeString(dir.resolve(".AAPL.csv.hybridta-999999999-zz.part"), "half");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        AtomicFiles.checkWritable(dir);
        assertThat(names(dir)).isEmpty();
    }

    @Test void anUnwritableDirectoryIsNamedWithTheReasonNotAProbeFile() throws IOException {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        try (Devices.ReadOnly mount = Devices.readOnly(ro)) {
            assertThatThrownBy(() -> AtomicFiles.checkWritable(ro)).isInstanceOf(IOException.class)
                    .hasMessage(ro + ": " + mount.reason())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(".probe", ".part"));
            assertThatThrownBy(() -> AtomicFiles.checkWritable(ro.resolve("sub"))).isInstanceOf(IOException.class)
                    .hasMessage(ro.resolve("sub") + ": " + mount.reason());
            assertThatThrownBy(() -> AtomicFiles.writeText(ro.resolve("x.csv"), w -> w.write("x"))).isInstanceOf(IOException.class)
                    .hasMessage(ro.resolve("x.csv") + ": " + mount.reason());
        }
    }

    @Test void aFileInTheWayOfTheFolderIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThatThrownBy(() -> AtomicFiles.checkTarget(file.resolve("out/x.csv"))).isInstanceOf(IOException.class)
                .hasMessage(file.resolve("out") + ": " + file + " is a file, not a directory");
        assertThatThrownBy(() -> AtomicFiles.checkWritable(file)).isInstanceOf(IOException.class)
                .hasMessage(file + ": " + file + " is a file, not a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test void aPathUnderProcGivesTheOperatingSystemsReason() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "skipped: no /proc on this system");
        assertThatThrownBy(() -> AtomicFiles.checkWritable(Path.of("/proc/hybridta-test")))
                .isInstanceOf(IOException.class).hasMessage("/proc/hybridta-test: no such file or directory");
    }

    @Test void writesUtf8() throws IOException {
        Path target = dir.resolve("out.txt");
        AtomicFiles.writeText(target, w -> w.write("≥ é"));
        assertThat(Files.readAllBytes(target)).isEqualTo("≥ é".getBytes(StandardCharsets.UTF_8));
    }
}
