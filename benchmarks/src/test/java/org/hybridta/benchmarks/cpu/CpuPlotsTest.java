package org.hybridta.benchmarks.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.hybridta.indicator.Indicator;
import org.hybridta.indicator.Indicators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuPlotsTest {
    @TempDir Path dir;

    /** A JMH JSON result in JMH's shape: benchmark, params, primaryMetric with score, error and raw data per fork. */
    private static String result(double scale) {
        StringBuilder sb = new StringBuilder("[");
        for (Indicator ind : Indicators.catalog()) {
            for (String lib : List.of("hybridta", "hybridtaCompute", "talibC", "ta4j")) {
                double base = (lib.equals("hybridta") ? 2 : lib.equals("hybridtaCompute") ? 4 : lib.equals("talibC") ? 3 : 300) * scale;
                sb.append(entry("FunctionBenchmarks." + lib, "\"bars\":\"1000000\",\"function\":\"" + ind.name() + "\"", base)).append(',');
            }
        }
        for (String shape : List.of("500x2520", "1x1000000")) {
            for (String m : List.of("hybridta", "hybridtaOneThread", "talib", "talibParallel", "ta4j", "ta4jParallel")) {
                sb.append(entry("CatalogBenchmarks." + m, "\"shape\":\"" + shape + "\"", (m.startsWith("ta4j") ? 5000 : 100) * scale)).append(',');
            }
        }
        sb.append(entry("org.hybridta.benchmarks.cuda.FunctionBenchmarks.cuda", "", 1));   // another package: ignored
        return sb.append(']').toString();
    }

    private static String entry(String method, String params, double base) {
        // raw data with one burst iteration: the median ignores it, the mean does not
        String name = method.startsWith("org.") ? method : "org.hybridta.benchmarks.cpu." + method;
        return "{\"benchmark\":\"" + name + "\",\"params\":{" + params + "},"
                + "\"primaryMetric\":{\"score\":" + (base * 1.9) + ",\"scoreError\":" + base + ",\"scoreUnit\":\"ms/op\","
                + "\"rawData\":[[" + base + "," + base + "," + (base * 10) + "," + base + "," + base + "]]}}";
    }

    @Test
    void readsMediansAndPicksEachBenchmarksBestRun() throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), result(1)), b = Files.writeString(dir.resolve("b.json"), result(2));
        Map<String, JmhScores.Score> ra = JmhScores.read(a);
        JmhScores.Score ema = ra.get("FunctionBenchmarks.talibC[bars=1000000,function=ema]");
        assertThat(ema.median()).isEqualTo(3.0);
        assertThat(ema.mean()).isEqualTo(5.7, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(ra).hasSize(Indicators.catalog().size() * 4 + 12);
        Map<String, JmhScores.Score> best = JmhScores.best(List.of(JmhScores.read(b), ra));
        assertThat(best.get("FunctionBenchmarks.talibC[bars=1000000,function=ema]").median()).isEqualTo(3.0);
        assertThat(JmhScores.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }

    @Test
    void printsTablesWithSpeedUpsAndDrawsBothCharts() throws Exception {
        Path json = Files.writeString(dir.resolve("r.json"), result(1));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            CpuPlots.main(new String[] {"--label", "test", dir.resolve("img").toString(), json.toString()});
        } finally {
            System.setOut(old);
        }
        String tables = bytes.toString(StandardCharsets.UTF_8);
        assertThat(tables).contains("| ema:30 | 2.00 (3.80 ± 2.00) | 4.00 (7.60 ± 4.00) | 3.00 (5.70 ± 3.00) | 300 (570 ± 300) | 1.50× | 0.75× | 150× |");
        assertThat(tables).contains("| TA-Lib C, 1 thread | 100 (190 ± 100) | 1.00×");
        for (String png : List.of("cpu-series.png", "cpu-catalog.png")) {
            BufferedImage img = ImageIO.read(dir.resolve("img").resolve(png).toFile());
            assertThat(img.getWidth()).isGreaterThanOrEqualTo(1000);
            long colours = java.util.stream.IntStream.range(0, img.getWidth()).map(x -> img.getRGB(x, img.getHeight() / 2)).distinct().count();
            assertThat(colours).as("%s is not blank", png).isGreaterThan(3);
        }
    }
}
