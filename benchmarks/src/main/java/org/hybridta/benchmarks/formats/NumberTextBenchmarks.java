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
 * The text of a million doubles, as a CSV writer needs it (ASCII bytes in one buffer), by the ways to the shortest
 * text that reads back to the same double: Java's {@code Double.toString} (on Java 17 the old algorithm), jackson-core's
 * Schubfach ({@code NumberOutput.toString(v, true)}: an object and a string per number, then copied), and
 * {@link CsvText#writeNumber}: the same text by its own Schubfach straight into the buffer, without allocating
 * (whole numbers as integers). Values: {@code prices} (cents, as quotes are), {@code indicators} (full 17-digit
 * values, as computed outputs are), {@code tiny} (indicator values around 1e-7). Nanoseconds per number, one thread.
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
    private static final int N = 1_000_000;

    @Param({"prices", "indicators", "tiny"}) String values;

    private final double[] v = new double[N];
    private final byte[] out = new byte[N * CsvText.MAX_NUMBER_BYTES];

    @Setup public void setUp() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < N; i++) {
            double x = r.nextDouble(10, 500);
            double full = x * (1 + r.nextDouble() * 1e-3) / 3;
            v[i] = switch (values) {
                case "prices" -> Math.round(x * 100) / 100.0;
                case "tiny" -> full * 1e-9;
                default -> full;
            };
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
