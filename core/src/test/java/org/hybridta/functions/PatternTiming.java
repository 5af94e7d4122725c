package org.hybridta.functions;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hybridta.BarSeries;
import org.hybridta.conformance.CandleBars;
import org.hybridta.conformance.TaLibC;
import org.hybridta.conformance.TaLibCCall;

/**
 * The 61 candlestick patterns against TA-Lib C on 1,000,000 {@link CandleBars}, in one JVM (so each pattern's loop
 * runs beside the others, as {@code cdl:all} runs them), until the JMH function benchmarks cover the catalog. Times
 * are the calling thread's CPU time, the best of 10 runs after 2 rounds of warm-up, so other processes on a shared
 * machine disturb them less than wall time. A main, not a test:
 * <pre>
 * mvn -q -pl core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp core/target/classes:core/target/test-classes:$(cat core/target/cp.txt) org.hybridta.functions.PatternTiming [int|double] [NAME...]
 * </pre>
 * {@code int} (the default) times the patterns into {@code int[]} ({@link Functions#intKernel}, as TA-Lib writes
 * them), {@code double} into {@code double[]} ({@link Functions#kernel}); one path per JVM, so that each pattern's
 * loop is compiled for the path timed. Names (e.g. {@code cdlhammer cdldoji}) time those patterns alone.
 */
final class PatternTiming {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private PatternTiming() {}

    public static void main(String[] argv) {
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        String path = !args.isEmpty() && args.get(0).matches("int|double") ? args.remove(0) : "int";
        boolean ints = path.equals("int");
        int n = 1_000_000, runs = 10;
        BarSeries bars = CandleBars.of("P", 7, n);
        double[][] in = {bars.open(), bars.high(), bars.low(), bars.close()};
        double[][] out = new double[1][n];
        int[][] outInt = new int[1][n];
        for (int round = 0; round < 3; round++) {
            double ours = 0, theirs = 0;
            for (FunctionDef f : Catalog.all()) {
                if (!(f instanceof Pattern) || !args.isEmpty() && !args.contains(f.name())) continue;
                Args a = Cases.defaults(f);
                long best = Long.MAX_VALUE, bestC = Long.MAX_VALUE;
                try (TaLibCCall call = TaLibC.prepare(f.name(), n, a.values())) {
                    for (int k = 0; k < in.length; k++) call.input(k, in[k]);
                    for (int r = 0; r < runs; r++) {
                        long t = CPU.getCurrentThreadCpuTime();
                        call.run();
                        bestC = Math.min(bestC, CPU.getCurrentThreadCpuTime() - t);
                        t = CPU.getCurrentThreadCpuTime();
                        if (ints) f.batchInt(a, in, 0, n, outInt);
                        else f.batch(a, in, 0, n, out);
                        best = Math.min(best, CPU.getCurrentThreadCpuTime() - t);
                    }
                }
                ours += best;
                theirs += bestC;
                if (round == 2) {
                    System.out.printf("%-20s HybridTA %6.2f ns/bar  TA-Lib C %6.2f ns/bar  C/HybridTA %.2f%n",
                            f.name(), best / (double) n, bestC / (double) n, bestC / (double) best);
                }
            }
            System.out.printf("round %d, %s, " + (args.isEmpty() ? "all 61" : String.join(",", args)) + ": HybridTA %.0f ms, TA-Lib C %.0f ms, C/HybridTA %.2f%n", round, path + "[]", ours / 1e6, theirs / 1e6, theirs / ours);
        }
    }
}
