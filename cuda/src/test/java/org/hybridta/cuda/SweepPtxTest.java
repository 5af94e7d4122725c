package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.hybridta.backend.BackendOptions;
import org.junit.jupiter.api.Test;

/** The checked-in sweep.ptx belongs to sweep.cu and holds the kernels CudaSweepEngine launches; the engine's
 * arguments are checked before a device is opened. Runs without a GPU. */
class SweepPtxTest {
    private static String ptx() {
        return new String(PtxModule.ptxBytes(PtxModule.SWEEP), StandardCharsets.US_ASCII);
    }

    @Test void ptxRecordsTheSha256OfItsSource() throws Exception {
        Path source = null;
        for (Path p : List.of(Path.of("src/main/cuda/sweep.cu"), Path.of("cuda/src/main/cuda/sweep.cu"))) if (Files.isRegularFile(p)) source = p;
        assumeTrue(source != null, "skipped: cuda/src/main/cuda/sweep.cu is not in this working directory");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(source)));
        assertThat(ptx().lines().findFirst().orElse("")).as("the PTX no longer matches sweep.cu: run cuda/build-sweep-ptx.sh and commit both")
                .isEqualTo("// sweep.cu sha256 " + sha);
        assertThat(ptx().lines().skip(1).findFirst().orElse("")).contains("-fmad=false");
    }

    @Test void aLaneCountOutsideTheDevicesConcurrencyIsRefusedBeforeAnyDeviceIsOpened() {
        for (int lanes : new int[] {0, -1, CudaSweepEngine.MAX_LANES + 1}) {
            assertThatThrownBy(() -> CudaSweepEngine.open(BackendOptions.builder().build(), lanes))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("lanes must be 1 to 128 streams, was " + lanes);
        }
    }

    @Test void theKernelsAreThere() {
        for (String k : List.of("sweep_reduce_f64", "sweep_reduce_f32", "screen_eval_f64", "screen_eval_f32")) {
            assertThat(ptx()).contains(".entry " + k + "(");
        }
    }
}
