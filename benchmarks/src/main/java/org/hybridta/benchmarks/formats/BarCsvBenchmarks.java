package org.hybridta.benchmarks.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hybridta.BarSeries;
import org.hybridta.io.BarCsv;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to read one bar CSV file of {@code bars} daily bars (a seeded walk, full-precision prices), the
 * input side of {@code compute} and of the {@code csv:DIR} source.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar 'formats.BarCsvBenchmarks' -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BarCsvBenchmarks {
    @Param({"100000"}) int bars;

    private Path file;

    @Setup(Level.Trial) public void setUp() throws IOException {
        StringBuilder sb = new StringBuilder("date,open,high,low,close,volume\n");
        LocalDate d = LocalDate.of(1700, 1, 1);
        Random rnd = new Random(1);
        double price = 100;
        for (int i = 0; i < bars; i++) {
            price *= Math.exp(0.01 * rnd.nextGaussian());
            sb.append(d.plusDays(i)).append(',').append(price).append(',').append(price * 1.01).append(',')
                    .append(price * 0.99).append(',').append(price).append(',').append(rnd.nextInt(1_000_000)).append('\n');
        }
        file = Files.createTempFile("hybridta-bars", ".csv");
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    @TearDown(Level.Trial) public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark public BarSeries read() throws IOException {
        return BarCsv.read(file, "BIG");
    }
}
