package org.hybridta.benchmarks.xsection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints the cross-sectional benchmarks of JMH JSON result files as a table with TFLOP/s (symmetric-product flops,
 * {@code n(n+1)·days}, over the measured time) and the share of the H200's FP64 peak.
 *
 * <pre>java -cp benchmarks.jar org.hybridta.benchmarks.xsection.XsectionReport results.json [more.json ...]</pre>
 */
public final class XsectionReport {
    /** NVIDIA H200 SXM: FP64 on the tensor cores (DMMA), which cuBLAS's DGEMM/DSYRK use; 34 TFLOP/s on the FP64 units alone. */
    static final double H200_FP64_PEAK_TFLOPS = 67;

    private XsectionReport() {}

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        System.out.printf(Locale.ROOT, "%-42s %-6s %-11s %12s %10s %8s%n", "benchmark", "engine", "shape", "ms", "TFLOP/s", "of peak");
        for (String file : args) {
            for (JsonNode run : json.readTree(Path.of(file).toFile())) {
                String name = run.get("benchmark").asText();
                if (!name.contains(".xsection.")) continue;
                JsonNode params = run.get("params");
                String shape = params.get("shape").asText(), engine = params.get("engine").asText();
                double ms = run.get("primaryMetric").get("score").asDouble();
                int[] s = BenchReturns.shape(shape);
                double tflops = BenchReturns.syrkFlops(s[0], s[1]) / (ms / 1e3) / 1e12;
                System.out.printf(Locale.ROOT, "%-42s %-6s %-11s %12.3f %10.3f %7.1f%%%n", name.substring(name.indexOf("xsection.") + 9), engine,
                        shape, ms, tflops, 100 * tflops / H200_FP64_PEAK_TFLOPS);
            }
        }
        System.out.printf(Locale.ROOT, "(TFLOP/s: n(n+1)*days flops of the symmetric product over the time; peak: H200 FP64 tensor cores, %.0f TFLOP/s)%n",
                H200_FP64_PEAK_TFLOPS);
    }
}
