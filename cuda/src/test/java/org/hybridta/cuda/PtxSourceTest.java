package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hybridta.backend.Precision;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.Test;

/** The checked-in PTX belongs to the CUDA source beside it, and holds what the Java side launches. Runs without a GPU. */
class PtxSourceTest {
    private static final Path SOURCE = locate("src/main/cuda/hybridta.cu");

    private static Path locate(String rel) {
        for (Path p : List.of(Path.of(rel), Path.of("cuda").resolve(rel))) if (Files.isRegularFile(p)) return p;
        return null;
    }

    private static String ptx() {
        return new String(CudaDevice.ptxBytes(), StandardCharsets.US_ASCII);
    }

    @Test void ptxRecordsTheSha256OfItsSource() throws Exception {
        assumeTrue(SOURCE != null, "skipped: cuda/src/main/cuda/hybridta.cu is not in this working directory");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(SOURCE)));
        String first = ptx().lines().findFirst().orElse("");
        assertThat(first).as("the PTX no longer matches hybridta.cu: run cuda/build-ptx.sh (needs nvcc 13.0) and commit both")
                .isEqualTo("// hybridta.cu sha256 " + sha);
    }

    @Test void ptxVersionMatchesTheDriverCheck() {
        Matcher v = Pattern.compile("(?m)^\\.version (\\d+)\\.(\\d+)$").matcher(ptx());
        assertThat(v.find()).isTrue();
        // PTX ISA 9.0 is read by CUDA 13.0 drivers; a different ISA needs CudaProbe.REQUIRED_DRIVER_VERSION updated
        assertThat(v.group(1) + "." + v.group(2)).isEqualTo("9.0");
        assertThat(CudaProbe.REQUIRED_DRIVER_VERSION).isEqualTo(13000);
        Matcher t = Pattern.compile("(?m)^\\.target sm_(\\d+)$").matcher(ptx());
        assertThat(t.find()).isTrue();
        assertThat(Integer.parseInt(t.group(1))).isEqualTo(CudaProbe.REQUIRED_CC);
        // built without FMA contraction (the kernels' only FMAs are explicit, in the reciprocal division)
        assertThat(ptx().lines().skip(1).findFirst().orElse("")).contains("-fmad=false");
    }

    @Test void everyKernelTheBackendLaunchesIsInThePtx() {
        List<String> entries = new ArrayList<>();
        Matcher m = Pattern.compile("\\.entry (\\w+)\\(").matcher(ptx());
        while (m.find()) entries.add(m.group(1));
        for (Indicator ind : CudaSpecs.catalog()) {
            for (Precision p : Precision.values()) assertThat(entries).contains(KernelCall.of(ind).entry(p));
        }
        assertThat(entries).contains("to_grouped_f64", "from_grouped_f64", "from_grouped_f32", "synth_f64");
    }

    /** Where nvcc is installed, rebuilding gives the checked-in PTX (up to the per-path hashes in internal names). */
    @Test void rebuildingWithNvccGivesTheSamePtx() throws Exception {
        assumeTrue(SOURCE != null, "skipped: the CUDA source is not in this working directory");
        Path dir = Files.createTempDirectory("ptx");
        try {
            Path src = Files.copy(SOURCE, dir.resolve("hybridta.cu"));
            Process p;
            try {
                p = new ProcessBuilder("nvcc", "-ptx", "-arch=compute_80", "-fmad=false", "-std=c++17", "-O3", "-o", "k.ptx", src.getFileName().toString())
                        .directory(dir.toFile()).redirectErrorStream(true).start();
            } catch (IOException e) {
                assumeTrue(false, "skipped: nvcc is not installed");
                return;
            }
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(log).isZero();
            String rebuilt = normalize(Files.readString(dir.resolve("k.ptx")));
            String checkedIn = normalize(ptx().lines().skip(2).reduce((a, b) -> a + "\n" + b).orElse("") + "\n");
            assertThat(rebuilt).as("nvcc's PTX differs from the checked-in one: run cuda/build-ptx.sh").isEqualTo(checkedIn);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String normalize(String ptx) {
        return ptx.replaceAll("_INTERNAL_[0-9a-f]{8}_", "_INTERNAL_").replaceAll("__N__[0-9a-f]{8}_", "__N__")
                .replaceAll("(?m)^// (Compiler Build ID|Cuda compilation tools|Based on NVVM).*$", "");
    }
}
