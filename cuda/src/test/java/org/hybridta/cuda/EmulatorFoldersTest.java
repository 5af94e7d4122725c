package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** The emulators' builds and jobs leave nothing behind in the temporary folder. */
class EmulatorFoldersTest {
    /** The child JVM: a folder as the emulators make theirs, with a file in it, under args[0]; prints its path. */
    public static void main(String[] args) throws Exception {
        Path dir = JvmScopedFolder.create(Path.of(args[0]), "hybridta-emu");
        Files.writeString(Files.createDirectories(dir.resolve("job")).resolve("lens"), "bytes");
        System.out.println(dir);
    }

    @Test void aJvmScopedFolderIsGoneWhenTheJvmExits(@TempDir Path parent) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                EmulatorFoldersTest.class.getName(), parent.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(Path.of(out).getParent()).as("the child's folder's parent").isEqualTo(parent);
        assertThat(Path.of(out)).as("the child's folder").doesNotExist();
        try (var left = Files.list(parent)) {
            assertThat(left.toList()).as("left in " + parent).isEmpty();
        }
    }

    @EnabledIfSystemProperty(named = "hybridta.emulate", matches = "true",
            disabledReason = "set -Dhybridta.emulate=true to build the kernels' emulator (needs g++ 12+)")
    @Test void aRunLeavesOnlyTheEmulatorsBinary() throws Exception {
        String why = Emulator.unavailable();
        assumeTrue(why == null, () -> "skipped: " + why);
        Emulator.run(RandomPanels.of(1, 3, 50, true), List.of(Indicators.parse("sma:5")), Precision.DOUBLE, 2_200, 0);
        try (var left = Files.list(Emulator.folder())) {
            assertThat(left.toList()).containsExactly(Emulator.folder().resolve("emu"));
        }
    }
}
