package org.hybridta.benchmarks.xsection;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Prints the cross-sectional benchmarks of JMH CSV result files ({@code -rf csv}) as a table with TFLOP/s
 * (symmetric-product flops, {@code n(n+1)·days}, over the measured time) and the share of the H200's FP64 peak.
 *
 * <pre>java -cp benchmarks.jar org.hybridta.benchmarks.xsection.XsectionReport results.csv [more.csv ...]</pre>
 */
public final class XsectionReport {
    /** NVIDIA H200 SXM: FP64 on the tensor cores (DMMA), which cuBLAS's DGEMM/DSYRK use; 34 TFLOP/s on the FP64 units alone. */
    static final double H200_FP64_PEAK_TFLOPS = 67;

    private XsectionReport() {}

    public static void main(String[] args) throws IOException {
        System.out.printf(Locale.ROOT, "%-40s %-6s %-11s %12s %10s %8s%n", "benchmark", "engine", "shape", "ms", "TFLOP/s", "of peak");
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        for (String file : args) {
            if (!Files.exists(Path.of(file))) {
                System.out.println("(no " + file + ")");
                continue;
            }
            try (Reader in = Files.newBufferedReader(Path.of(file))) {
                for (CSVRecord run : format.parse(in)) {
                    String name = run.get("Benchmark");
                    if (!name.contains(".xsection.") || !run.get("Unit").equals("ms/op")) continue;
                    String shape = run.get("Param: shape"), engine = run.get("Param: engine");
                    double ms = Double.parseDouble(run.get("Score"));
                    int[] s = BenchReturns.shape(shape);
                    double tflops = BenchReturns.syrkFlops(s[0], s[1]) / (ms / 1e3) / 1e12;
                    System.out.printf(Locale.ROOT, "%-40s %-6s %-11s %12.3f %10.4f %7.2f%%%n", name.substring(name.indexOf("xsection.") + 9),
                            engine, shape, ms, tflops, 100 * tflops / H200_FP64_PEAK_TFLOPS);
                }
            }
        }
        System.out.printf(Locale.ROOT, "(TFLOP/s: n(n+1)*days flops of the symmetric product over the time; peak: H200 FP64 tensor cores, %.0f TFLOP/s)%n",
                H200_FP64_PEAK_TFLOPS);
    }
}
