package org.hybridta.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The first CUDA compute in a fresh process with the driver's JIT cache disabled ({@code CUDA_CACHE_DISABLE=1}): with
 * SASS for the GPU in the shipped fatbin nothing is JIT-compiled, so it takes well under a second (it took 10.2 s when
 * the kernels shipped as PTX only). Goal: under {@code -Dhybridta.coldStartLimitMs} (default 500) ms on an H200.
 */
@RequiresGpu
class ColdStartGpuTest {
    /**
     * This JVM's class path: java.class.path, plus the entries of the class loader that loaded the tests where that is
     * not the application loader (the JUnit console launcher's {@code -cp}, as on the GPU machine).
     */
    private static String classPath() {
        java.util.LinkedHashSet<String> entries = new java.util.LinkedHashSet<>(List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)));
        for (ClassLoader l = ColdStartGpuTest.class.getClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof java.net.URLClassLoader u) {
                for (java.net.URL url : u.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                        // not a file: not for a class path
                    }
                }
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    @Test void theFirstComputeOfAFreshProcessNeedsNoJit() throws Exception {
        long limit = Long.getLong("hybridta.coldStartLimitMs", 500);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", classPath(), ColdStartMain.class.getName())
                .redirectErrorStream(true);
        pb.environment().put("CUDA_CACHE_DISABLE", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        System.out.println(out.lines().filter(l -> l.contains("cold start") || l.contains("kernels loaded")).toList());
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as("the kernels came as SASS for this GPU").contains("no JIT");
        Matcher m = Pattern.compile("first CUDA compute ([0-9.]+) ms").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        assertThat(Double.parseDouble(m.group(1))).as("open + first compute, ms (%s)", List.of(out.trim())).isLessThan(limit);
    }
}
