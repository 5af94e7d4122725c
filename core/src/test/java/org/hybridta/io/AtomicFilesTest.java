package org.hybridta.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir Path dir;

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

    @Test void writesUtf8() throws IOException {
        Path target = dir.resolve("out.txt");
        AtomicFiles.writeText(target, w -> w.write("≥ é"));
        assertThat(Files.readAllBytes(target)).isEqualTo("≥ é".getBytes(StandardCharsets.UTF_8));
    }
}
