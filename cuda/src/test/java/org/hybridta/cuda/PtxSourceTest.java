package org.hybridta.cuda;

import org.hybridta.cuda.driver.Cuda;
import org.hybridta.cuda.driver.CudaProbe;
import org.hybridta.cuda.driver.KernelImage;
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

/**
 * The checked-in PTX belongs to the CUDA sources beside it (hybridta.cu and every family file it includes), the shipped
 * fatbin to that PTX, and the PTX holds what the Java side launches. Runs without a GPU.
 */
class PtxSourceTest {
    /** cuda/src/main/cuda, or null where the sources are not in this working directory. */
    static final Path SOURCES = locate("src/main/cuda");

    private static Path locate(String rel) {
        for (Path p : List.of(Path.of(rel), Path.of("cuda").resolve(rel))) if (Files.isRegularFile(p.resolve("hybridta.cu"))) return p;
        return null;
    }

    /** The kernel sources, *.cu and *.cuh, in name order. */
    static List<Path> sourceFiles() throws IOException {
        try (var files = Files.list(SOURCES)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.cuh?")).sorted(java.util.Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
        }
    }

    /** SHA-256 over the sources in name order, each its name, a newline and its bytes (as build-ptx.sh computes it). */
    static String sourcesSha256() throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (Path f : sourceFiles()) {
            md.update((f.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(f));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Copies the sources into {@code dir}, for a rebuild there. */
    static void copySources(Path dir) throws IOException {
        for (Path f : sourceFiles()) Files.copy(f, dir.resolve(f.getFileName()));
    }

    /** The checked-in PTX (cuda/src/main/cuda/hybridta.ptx), from which the shipped fatbin is built. */
    private static String ptx() {
        assumeTrue(SOURCES != null, "skipped: cuda/src/main/cuda is not in this working directory");
        try {
            return Files.readString(SOURCES.resolve("hybridta.ptx"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /**
     * The shipped fatbin's record names the sources, the PTX and the fatbin by their hashes, so that each link of
     * sources -> PTX -> fatbin is checked; and it has SASS for the architectures users have (no JIT on them).
     */
    @Test void theFatbinsRecordMatchesSourcesPtxAndFatbin() throws Exception {
        KernelImage image = KernelImage.load();
        String fix = ": run cuda/build-kernels.sh (needs nvcc 13.0) and commit the results";
        assertThat(image.record().get("fatbin")).as("the fatbin's hash" + fix).isEqualTo("sha256 " + sha256(image.fatbin()));
        assertThat(image.sass()).contains(80, 90, 100, 120);
        assertThat(image.record().get("ptx-target")).isEqualTo("compute_" + CudaProbe.REQUIRED_CC);
        assumeTrue(SOURCES != null, "skipped: cuda/src/main/cuda is not in this working directory");
        assertThat(image.record().get("kernels")).as("the sources' hash" + fix).isEqualTo("sha256 " + sourcesSha256());
        assertThat(image.record().get("ptx")).as("the PTX's hash" + fix)
                .isEqualTo("sha256 " + sha256(Files.readAllBytes(SOURCES.resolve("hybridta.ptx"))));
    }

    /** Where nvcc is installed, the record's command gives the shipped fatbin from the checked-in PTX, byte for byte. */
    @Test void rebuildingTheFatbinGivesTheShippedOne() throws Exception {
        assumeTrue(SOURCES != null, "skipped: the CUDA sources are not in this working directory");
        KernelImage image = KernelImage.load();
        List<String> command = new ArrayList<>(List.of(image.record().get("command").split(" ")));
        command.remove(1);  // "nvcc 13.0 -fatbin ...": the version is a note
        Path dir = Files.createTempDirectory("fatbin");
        try {
            Files.copy(SOURCES.resolve("hybridta.ptx"), dir.resolve("hybridta.ptx"));
            Process p;
            try {
                p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            } catch (IOException e) {
                assumeTrue(false, "skipped: nvcc is not installed");
                return;
            }
            assertThat(p.waitFor(1800, TimeUnit.SECONDS)).as("nvcc rebuilding the fatbin (four SASS architectures of 161 functions: minutes on 2 cores)").isTrue();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(log).isZero();
            assertThat(Files.readAllBytes(dir.resolve("hybridta.fatbin"))).as("nvcc's fatbin differs from the shipped one: run cuda/build-kernels.sh")
                    .isEqualTo(image.fatbin());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test void ptxRecordsTheSha256OfItsSources() throws Exception {
        assumeTrue(SOURCES != null, "skipped: cuda/src/main/cuda is not in this working directory");
        assertThat(sourceFiles()).extracting(f -> f.getFileName().toString()).contains("hybridta.cu", "common.cuh");
        String first = ptx().lines().findFirst().orElse("");
        assertThat(first).as("the PTX no longer matches cuda/src/main/cuda: run cuda/build-kernels.sh (needs nvcc 13.0) and commit the results")
                .isEqualTo("// kernels sha256 " + sourcesSha256());
    }

    /**
     * Every source file is part of the build: hybridta.cu includes each family file (a file it does not include would go
     * unchecked), except the stream*.cuh files of stream.cu, a translation unit of its own that StreamPtxTest checks.
     */
    @Test void theTranslationUnitIncludesEveryFamilyFile() throws Exception {
        assumeTrue(SOURCES != null, "skipped: cuda/src/main/cuda is not in this working directory");
        String unit = Files.readString(SOURCES.resolve("hybridta.cu")), stream = Files.readString(SOURCES.resolve("stream.cu"));
        for (Path f : sourceFiles()) {
            String name = f.getFileName().toString();
            if (!name.endsWith(".cuh")) continue;
            String include = "#include \"" + name + "\"";
            if (name.startsWith("stream")) {
                assertThat(stream + Files.readString(SOURCES.resolve("stream_more.cuh"))).as("stream.cu includes " + name).contains(include);
            } else {
                // included by hybridta.cu, or by a family file it includes (cycle.cuh's generated ht_tables.cuh)
                StringBuilder all = new StringBuilder(unit);
                for (Path g : sourceFiles()) if (!g.getFileName().toString().startsWith("stream")) all.append(Files.readString(g));
                assertThat(all.toString()).as("hybridta.cu or a family file includes " + name).contains(include);
            }
        }
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
        assumeTrue(SOURCES != null, "skipped: the CUDA sources are not in this working directory");
        Path dir = Files.createTempDirectory("ptx");
        try {
            copySources(dir);
            Path src = dir.resolve("hybridta.cu");
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
            assertThat(rebuilt).as("nvcc's PTX differs from the checked-in one: run cuda/build-kernels.sh").isEqualTo(checkedIn);
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
