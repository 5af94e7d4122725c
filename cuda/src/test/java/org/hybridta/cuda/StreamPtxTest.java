package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checked-in stream.ptx belongs to stream.cu and stream_originals.cuh and holds the kernels CudaStreamDevice launches. Runs without a GPU. */
class StreamPtxTest {
    private static String ptx() {
        return new String(PtxModule.ptxBytes(PtxModule.STREAM), StandardCharsets.US_ASCII);
    }

    @Test void ptxRecordsTheSha256OfItsSources() throws Exception {
        Path dir = null;
        for (Path p : List.of(Path.of("src/main/cuda"), Path.of("cuda/src/main/cuda"))) if (Files.isRegularFile(p.resolve("stream.cu"))) dir = p;
        assumeTrue(dir != null, "skipped: cuda/src/main/cuda/stream.cu is not in this working directory");
        // as build-sweep-ptx.sh stream hashes them: every stream*.cu and stream*.cuh in name order, the name, a newline, the bytes
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("stream.*\\.cuh?")).sorted().toList()) {
                all.write((f.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
                all.write(Files.readAllBytes(f));
            }
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.toByteArray()));
        assertThat(ptx().lines().findFirst().orElse("")).as("the PTX no longer matches stream.cu: run cuda/build-sweep-ptx.sh stream and commit both")
                .isEqualTo("// stream.cu sha256 " + sha);
        assertThat(ptx().lines().skip(1).findFirst().orElse("")).contains("-fmad=false");
        assertThat(CudaUniverseStreamProvider.format()).isEqualTo("stream.cu sha256 " + sha);
    }

    @Test void theKernelsAreThere() {
        for (String k : List.of("stream_step", "stream_layout")) assertThat(ptx()).contains(".entry " + k + "(");
    }
}
