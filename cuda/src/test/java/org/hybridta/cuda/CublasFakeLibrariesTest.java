package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both cuBLAS bindings, end to end through their native libraries, without a GPU: gcc builds a stand-in
 * {@code libcublas.so.13} that computes on host memory (src/test/native), and the forwarding {@code libcublas.so.12}
 * (cuda/device/cublas12-shim) that the GPU run uses for JCublas. Each binding runs in a JVM of its own with
 * LD_LIBRARY_PATH set ({@link FakeCublasMain}): JCublas 12.6 through the shim to the stand-in, JavaCPP's CUDA 13.1
 * presets straight to it. What this proves: the libraries load with these sonames and version nodes, the shim
 * exports every function the JCublas path calls, and the arguments (order, transposes, leading dimensions, raw
 * device addresses) arrive as intended. What it cannot: the real cuBLAS on a GPU (XsectionGpuTest).
 */
class CublasFakeLibrariesTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir"));
    private static Path fakes, shim;

    @BeforeAll static void build() throws Exception {
        assumeTrue(onPath("gcc"), "skipped: no gcc to build the stand-in libraries");
        assumeTrue(Files.isRegularFile(ROOT.resolve("src/test/native/build-fakes.sh")),
                "skipped: the stand-in libraries' sources are not here (a staged run on the GPU machine, which tests the real cuBLAS)");
        Path dir = ROOT.resolve("target/cublas-fakes");
        fakes = dir.resolve("cuda13");
        shim = dir.resolve("shim");
        run(List.of("bash", ROOT.resolve("src/test/native/build-fakes.sh").toString(), fakes.toString()), Map.of(), 120);
        run(List.of("bash", ROOT.resolve("device/cublas12-shim/build.sh").toString(), shim.toString()), Map.of(), 120);
    }

    @Test void jcublasThroughTheForwardingLibcublas12() throws Exception {
        String out = child("jcublas", shim + ":" + fakes, fakes.resolve("libcublas.so.13").toString());
        assertThat(out).startsWith("OK cuBLAS 13.0.77 through JCublas 12.6.0 (libcublas.so.12, through a libcublas.so.13 forwarding libcublas.so.12)");
    }

    @Test void javacppStraightToLibcublas13() throws Exception {
        String out = child("javacpp", fakes.toString(), null);
        assertThat(out).startsWith("OK cuBLAS 13.0.77 through JavaCPP's CUDA 13.1 presets (libcublas.so.13)");
    }

    @Test void withoutTheShimJcublasSaysWhatIsMissingAndAutoTakesJavacpp() throws Exception {
        String out = child("javacpp-auto", fakes.toString(), null);
        assertThat(out).startsWith("OK cuBLAS 13.0.77 through JavaCPP's CUDA 13.1 presets (libcublas.so.13); jcublas: libcublas.so.12 not found");
    }

    private static String child(String binding, String libraryPath, String target) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dorg.bytedeco.javacpp.cachedir=" + ROOT.resolve("target/cublas-fakes/javacpp-cache"),
                "-Djava.io.tmpdir=" + Files.createDirectories(ROOT.resolve("target/cublas-fakes/tmp")),
                FakeCublasMain.class.getName(), binding.replace("-auto", "")));
        Map<String, String> env = new java.util.HashMap<>(Map.of("LD_LIBRARY_PATH", libraryPath));
        env.put("HYBRIDTA_CUBLAS", binding.endsWith("-auto") ? "auto" : binding);
        if (target != null) env.put("HYBRIDTA_CUBLAS_TARGET", target);
        return run(cmd, env, 120);
    }

    private static String run(List<String> cmd, Map<String, String> env, int seconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] bytes = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).isTrue();
        String out = new String(bytes, StandardCharsets.UTF_8).strip();
        assertThat(p.exitValue()).as("%s:%n%s", cmd, out).isZero();
        String[] lines = out.split("\\R");
        return lines[lines.length - 1];
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) if (Files.isExecutable(Path.of(dir, tool))) return true;
        return false;
    }
}
