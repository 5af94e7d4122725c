package org.hybridta.benchmarks.formats;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hybridta.io.CsvText;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The text of one double, as a CSV writer needs it (ASCII bytes in a buffer), by the two candidates that give the
 * shortest text that reads back to the same double: Java's {@code Double.toString} (on Java 17 the old algorithm)
 * and jackson-core's Schubfach ({@code NumberOutput.toString(v, true)}); and {@link CsvText#writeNumber}, which
 * uses the latter and writes whole numbers as integers. Values: {@code prices} (cents, as quotes are),
 * {@code indicators} (full 17-digit values, as computed outputs are). Nanoseconds per number, one thread.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar 'formats.NumberTextBenchmarks'</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NumberTextBenchmarks {
    private static final int N = 4096;

    @Param({"prices", "indicators"}) String values;

    private final double[] v = new double[N];
    private final byte[] out = new byte[N * CsvText.MAX_NUMBER_BYTES];

    @Setup public void setUp() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < N; i++) {
            double x = r.nextDouble(10, 500);
            v[i] = values.equals("prices") ? Math.round(x * 100) / 100.0 : x * (1 + r.nextDouble() * 1e-3) / 3;
        }
    }

    @Benchmark @OperationsPerInvocation(N) public void jdkDoubleToString(Blackhole bh) {
        int at = 0;
        for (double x : v) at = ascii(Double.toString(x), at);
        bh.consume(at);
    }

    @Benchmark @OperationsPerInvocation(N) public void jacksonSchubfach(Blackhole bh) {
        int at = 0;
        for (double x : v) at = ascii(NumberOutput.toString(x, true), at);
        bh.consume(at);
    }

    @Benchmark @OperationsPerInvocation(N) public void csvTextWriteNumber(Blackhole bh) {
        int at = 0;
        for (double x : v) at = CsvText.writeNumber(out, at, x);
        bh.consume(at);
    }

    private int ascii(String s, int at) {
        for (int i = 0; i < s.length(); i++) out[at + i] = (byte) s.charAt(i);
        return at + s.length();
    }
}
