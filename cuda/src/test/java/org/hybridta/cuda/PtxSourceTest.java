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
        return CheckedInPtx.TEXT;
    }

    /** Read once: 32 MB, 1.1 million lines, which every test here would otherwise read again. */
    private static final class CheckedInPtx {
        static final String TEXT;
        static {
            try {
                TEXT = Files.readString(SOURCES.resolve("hybridta.ptx"), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
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

    /**
     * The fatbin holds SASS for exactly the record's architectures and the PTX for the record's target, and that PTX image
     * is, byte for byte, the one nvcc makes from the checked-in PTX with the record's options (a stale fatbin beside a
     * regenerated PTX fails here). Compressing only the PTX image takes about 20 s of CPU; the SASS images come from the
     * same nvcc command (build-kernels.sh), and {@link #rebuildingTheFatbinGivesTheShippedOne} recompiles them on request.
     */
    @Test void theFatbinsPtxImageIsTheCheckedInPtx() throws Exception {
        assumeTrue(SOURCES != null, "skipped: the CUDA sources are not in this working directory");
        KernelImage image = KernelImage.load();
        List<FatbinEntry> shipped = FatbinEntry.parse(image.fatbin());
        List<String> expected = new ArrayList<>();
        expected.add("ptx " + image.record().get("ptx-target").replace("compute_", ""));
        for (int cc : image.sass()) expected.add("sass " + cc);
        assertThat(shipped).extracting(FatbinEntry::name).as("the fatbin's images").containsExactlyInAnyOrderElementsOf(expected);
        List<String> command = fatbinCommand(image);
        // the same options with only the PTX image: -code=sm_80,...,compute_80 becomes -code=compute_80
        command.replaceAll(a -> a.startsWith("-code=") ? "-code=" + image.record().get("ptx-target") : a);
        byte[] rebuilt = runNvccFatbin(command, 600);
        assertThat(FatbinEntry.parse(rebuilt)).as("nvcc's PTX-only fatbin").hasSize(1);
        FatbinEntry ptxImage = FatbinEntry.parse(rebuilt).get(0);
        FatbinEntry shippedPtx = shipped.stream().filter(e -> e.name().equals(ptxImage.name())).findFirst().orElseThrow();
        // the first differing byte, not two megabytes of array in the message
        assertThat(java.util.Arrays.mismatch(shippedPtx.bytes(), ptxImage.bytes())).as("the first byte where the fatbin's PTX image (%d bytes) differs "
                + "from the checked-in PTX's (%d bytes): run cuda/build-kernels.sh", shippedPtx.bytes().length, ptxImage.bytes().length).isEqualTo(-1);
    }

    /**
     * With {@code -Dhybridta.fatbin.rebuild=true}, where nvcc is installed: the record's command gives the shipped fatbin
     * from the checked-in PTX, byte for byte. Off by default: ptxas compiling the 1.1 million PTX lines for four SASS
     * architectures takes many minutes on 2 cores.
     */
    @Test void rebuildingTheFatbinGivesTheShippedOne() throws Exception {
        assumeTrue(Boolean.getBoolean("hybridta.fatbin.rebuild"), "skipped: the full fatbin rebuild runs with -Dhybridta.fatbin.rebuild=true");
        assumeTrue(SOURCES != null, "skipped: the CUDA sources are not in this working directory");
        KernelImage image = KernelImage.load();
        byte[] rebuilt = runNvccFatbin(fatbinCommand(image), 1800);
        assertThat(java.util.Arrays.mismatch(rebuilt, image.fatbin())).as("the first byte where nvcc's fatbin (%d bytes) differs from the shipped one "
                + "(%d bytes): run cuda/build-kernels.sh", rebuilt.length, image.fatbin().length).isEqualTo(-1);
    }

    /** The record's command ("nvcc 13.0 -fatbin ... -o hybridta.fatbin hybridta.ptx"), without the version, a note. */
    private static List<String> fatbinCommand(KernelImage image) {
        List<String> command = new ArrayList<>(List.of(image.record().get("command").split(" ")));
        command.remove(1);
        return command;
    }

    /** Runs {@code command} on a copy of the checked-in PTX and returns the hybridta.fatbin it writes. */
    private static byte[] runNvccFatbin(List<String> command, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("fatbin");
        try {
            Files.copy(SOURCES.resolve("hybridta.ptx"), dir.resolve("hybridta.ptx"));
            nvcc(command, dir, seconds);
            return Files.readAllBytes(dir.resolve("hybridta.fatbin"));
        } finally {
            JvmScopedFolder.deleteTree(dir);
        }
    }

    /** Runs nvcc in {@code dir}, skipping the test where nvcc is not installed; fails on an error or after {@code seconds}. */
    private static void nvcc(List<String> command, Path dir, int seconds) throws Exception {
        Path log = dir.resolve("nvcc.log");
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            assumeTrue(false, "skipped: nvcc is not installed");
            return;
        }
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            assertThat(false).as(String.join(" ", command) + " did not finish within " + seconds + " s").isTrue();
        }
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
    }

    /**
     * One image of a fatbin, its header and payload as stored (compressed here). The layout, as nvcc 13.0 writes it:
     * a 16-byte header (magic 0xBA55ED50, version, header size, size of the images), then per image a header whose
     * first fields are its kind (1 PTX, 2 ELF) at 0, the header's size at 4, the payload's size at 8 and the
     * architecture at 28, all little-endian.
     */
    record FatbinEntry(int kind, int arch, byte[] bytes) {
        String name() {
            return (kind == 1 ? "ptx " : kind == 2 ? "sass " : "kind " + kind + " ") + arch;
        }

        static List<FatbinEntry> parse(byte[] fatbin) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(fatbin).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            assertThat(Integer.toHexString(b.getInt(0))).as("the fatbin's magic").isEqualTo("ba55ed50");
            int start = Short.toUnsignedInt(b.getShort(6));
            long end = start + b.getLong(8);
            assertThat(end).as("the fatbin's size").isEqualTo(fatbin.length);
            List<FatbinEntry> entries = new ArrayList<>();
            for (int at = start; at < end; ) {
                int size = Math.toIntExact(b.getInt(at + 4) + b.getLong(at + 8));
                entries.add(new FatbinEntry(Short.toUnsignedInt(b.getShort(at)), b.getInt(at + 28), java.util.Arrays.copyOfRange(fatbin, at, at + size)));
                at += size;
            }
            return entries;
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
        // the sweep's one-launch entry points, for every kernel KernelCall says has one
        for (String kernel : KernelCall.SETS) {
            assertThat(entries).as("sweep entry points of " + kernel).contains(kernel + "_sets_f64", kernel + "_sets_f32");
        }
        for (String spec : List.of("sma:7", "ema:30", "wma:9", "dema:5", "tema:5", "rsi:14", "roc:10", "mom:10", "atr:14", "bbands:20:2:2",
                "bbands:20:2:1:ema")) {
            KernelCall call = KernelCall.of(org.hybridta.indicator.Indicators.parse(spec));
            assertThat(call.batchable()).as(spec).isTrue();
            assertThat(entries).contains(call.setsEntry(Precision.DOUBLE), call.setsEntry(Precision.FLOAT));
        }
        // rings in global memory (a long window) keep a sweep on its per-set launches
        assertThat(KernelCall.of(org.hybridta.indicator.Indicators.parse("bbands:5000:2:1:sma")).batchable()).isFalse();
    }

    /** The blocks of sets the host makes for BBANDS fit the kernel's register array (overlap.cuh's bound). */
    @Test void theSweepsSetBlocksMatchTheKernelsBounds() throws IOException {
        String overlap = Files.readString(SOURCES.resolve("overlap.cuh"), StandardCharsets.US_ASCII);
        assertThat(overlap).contains("#define BBANDS_SETS " + KernelCall.BBANDS_SETS + "\n");
        // runs of one period, at most 16 deviations a block
        List<KernelCall> bands = org.hybridta.sweep.Sweep.parse("bbands:5..6:0.25..5/0.25:nbdevup").specs().stream().map(KernelCall::of).toList();
        assertThat(KernelCall.setBlocks(bands)).containsExactly(0, 16, 16, 4, 20, 16, 36, 4);
        for (String spec : List.of("sma:5", "ema:5")) assertThat(KernelCall.setBlocks(List.of(KernelCall.of(Indicators.parse(spec))))).isNull();
    }

    /** Where nvcc is installed, rebuilding gives the checked-in PTX (up to the per-path hashes in internal names). */
    @Test void rebuildingWithNvccGivesTheSamePtx() throws Exception {
        assumeTrue(SOURCES != null, "skipped: the CUDA sources are not in this working directory");
        Path dir = Files.createTempDirectory("ptx");
        try {
            copySources(dir);
            nvcc(List.of("nvcc", "-ptx", "-arch=compute_80", "-fmad=false", "-std=c++17", "-O3", "-o", "k.ptx", "hybridta.cu"), dir, 600);
            String rebuilt = Files.readString(dir.resolve("k.ptx"), StandardCharsets.US_ASCII);
            // the checked-in file is build-kernels.sh's two header lines, then nvcc's output as it was
            String checkedIn = ptx().substring(ptx().indexOf('\n', ptx().indexOf('\n') + 1) + 1);
            String fix = "nvcc's PTX differs from the checked-in one: run cuda/build-kernels.sh";
            var a = rebuilt.lines().iterator();
            var b = checkedIn.lines().iterator();
            for (int line = 3; a.hasNext() || b.hasNext(); line++) {
                assertThat(a.hasNext() && b.hasNext()).as(fix + " (" + (a.hasNext() ? "nvcc's" : "the checked-in") + " is longer, from line " + line + ")").isTrue();
                String x = normalize(a.next()), y = normalize(b.next());
                if (!x.equals(y)) assertThat(x).as(fix + " (checked-in line " + line + ")").isEqualTo(y);
            }
            assertThat(rebuilt.endsWith("\n")).as(fix + " (the last newline)").isEqualTo(checkedIn.endsWith("\n"));
        } finally {
            JvmScopedFolder.deleteTree(dir);
        }
    }

    private static final Pattern INTERNAL = Pattern.compile("_INTERNAL_[0-9a-f]{8}_"), N = Pattern.compile("__N__[0-9a-f]{8}_"),
            TOOL_NOTE = Pattern.compile("^// (Compiler Build ID|Cuda compilation tools|Based on NVVM).*$");

    /** One line without what depends on the build's path and machine: the per-path hashes in internal names, the tool notes. */
    static String normalize(String line) {
        if (line.startsWith("// ") && TOOL_NOTE.matcher(line).matches()) return "";
        if (line.contains("_INTERNAL_")) line = INTERNAL.matcher(line).replaceAll("_INTERNAL_");
        if (line.contains("__N__")) line = N.matcher(line).replaceAll("__N__");
        return line;
    }
}
