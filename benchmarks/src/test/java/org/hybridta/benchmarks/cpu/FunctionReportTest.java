package org.hybridta.benchmarks.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionReportTest {
    @TempDir Path dir;

    private static String entry(String method, String function, double ms) {
        return "{\"benchmark\":\"org.hybridta.benchmarks.cpu.FunctionBenchmarks." + method + "\",\"params\":{\"bars\":\"1000000\",\"function\":\""
                + function + "\"},\"primaryMetric\":{\"score\":" + ms + ",\"scoreError\":0.1,\"scoreUnit\":\"ms/op\",\"rawData\":[[" + ms + "," + ms + "]]}}";
    }

    /** Two shards' files: tables per group, lowest ratio first, the summary's counts and geometric mean, the plot. */
    @Test
    void mergesShardsIntoGroupTablesWithSummaryAndPlot() throws Exception {
        Path a = Files.writeString(dir.resolve("shard-1.json"), "[" + entry("hybridta", "sma", 2) + "," + entry("talibC", "sma", 4) + ","
                + entry("hybridtaCompute", "sma", 5) + "," + entry("ta4j", "sma", 300) + "," + entry("hybridta", "ema", 3) + "," + entry("talibC", "ema", 3) + "]");
        Path b = Files.writeString(dir.resolve("shard-2.json"), "[" + entry("hybridta", "max", 8) + "," + entry("talibC", "max", 2) + "]");
        FunctionReport.main(new String[] {"--label", "test", dir.resolve("out").toString(), a.toString(), b.toString()});
        String md = Files.readString(dir.resolve("out").resolve("function-benchmarks.md"));
        // ratios 2, 1 and 0.25: geometric mean 0.79
        assertThat(md).startsWith("**2 of 3 functions at or above TA-Lib C's speed**").contains("kernel 0.79×").contains("Below 1×: max 0.25×.");
        assertThat(md).contains("#### Overlap Studies").contains("#### Math Operators");
        assertThat(md.indexOf("| ema | 3.00 | — | 3.00 | — | 1.00× |")).isLessThan(md.indexOf("| sma | 2.00 | 5.00 | 4.00 | 300 | 2.00× |"));
        assertThat(dir.resolve("out").resolve("cpu-functions-ratio.png")).isNotEmptyFile();
    }
}
