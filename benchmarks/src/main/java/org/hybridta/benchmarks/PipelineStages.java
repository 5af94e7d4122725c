package org.hybridta.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hybridta.Pipeline;
import org.hybridta.PipelineResult;
import org.hybridta.StageTimings;
import org.hybridta.Universe;
import org.hybridta.indicator.Indicators;
import org.hybridta.formats.TableSink;

/**
 * Times the S&P 500 pipeline stage by stage: the synthetic market over 10 years (2015-01-01 to
 * 2025-01-01, about 2,515 bars a symbol), the default indicators (EMA 12, RSI 14, MACD 12/26/9), written
 * to a CSV file. A timed main rather than JMH because the numbers wanted are per stage of one run; the
 * JVM is warmed up with full runs first and the median of the measured runs is reported.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.hybridta.benchmarks.PipelineStages [--backend cpu] [--warmup 3] [--runs 7]</pre>
 */
public final class PipelineStages {
    private PipelineStages() {}

    public static void main(String[] args) throws IOException {
        String backend = "cpu";
        int warmup = 3, runs = 7;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--backend" -> backend = args[++i];
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (--backend, --warmup, --runs)");
            }
        }
        Path dir = Files.createTempDirectory("hybridta-stages");
        try {
            Pipeline pipeline = Pipeline.builder()
                    .universe(Universe.sp500())
                    .between(LocalDate.of(2015, 1, 1), LocalDate.of(2025, 1, 1))
                    .indicators(Indicators.ema(12), Indicators.rsi(14), Indicators.macd(12, 26, 9))
                    .backend(backend)
                    .sink(TableSink.to(dir.resolve("indicators.csv")))
                    .build();
            PipelineResult last = null;
            for (int i = 0; i < warmup; i++) last = pipeline.run();
            List<StageTimings> measured = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                last = pipeline.run();
                measured.add(last.timings());
            }
            System.out.printf(Locale.ROOT, "S&P 500 synthetic, 10 years: %d symbols, %d bars, backend %s, %d processors, CSV %.1f MB%n",
                    last.okCount(), last.bars(), last.backend(), Runtime.getRuntime().availableProcessors(),
                    Files.size(dir.resolve("indicators.csv")) / 1e6);
            System.out.printf(Locale.ROOT, "median of %d runs after %d warm-up runs (min .. max), milliseconds:%n", runs, warmup);
            row("partition", measured, StageTimings::partition);
            row("fetch", measured, StageTimings::fetch);
            row("compute", measured, StageTimings::compute);
            row("gather", measured, StageTimings::gather);
            row("write", measured, StageTimings::write);
            row("total", measured, StageTimings::total);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void row(String stage, List<StageTimings> runs, Function<StageTimings, Duration> get) {
        double[] ms = runs.stream().map(get).mapToDouble(d -> d.toNanos() / 1e6).sorted().toArray();
        System.out.printf(Locale.ROOT, "  %-10s %9.1f   (%.1f .. %.1f)%n", stage, ms[ms.length / 2], ms[0], ms[ms.length - 1]);
    }
}
