package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every function of the catalog: the streaming step gives the batch kernel's values bit for bit, and the
 * batch kernel writes exactly its slice of reused (not zeroed) output arrays.
 */
class StreamTest {

    @TestFactory Stream<DynamicTest> stepEqualsBatchBitForBit() {
        return Cases.functions().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            for (Args args : Cases.params(f, 17, 6, 300)) {
                for (Cases.Input input : Cases.inputs(f, f.lookback(args), 3)) {
                    double[][] batch = batch(f, args, input.arrays(), new Random(1));
                    double[][] stream = stream(f, args, input.arrays());
                    for (int k = 0; k < batch.length; k++) {
                        int bar = firstDifference(batch[k], stream[k]);
                        assertThat(bar).as("%s %s %s output %s: first bar where the step differs from the batch (batch %s, step %s)",
                                        f.name(), args, input, f.info().outputs().get(k).name(),
                                        bar < 0 ? "" : batch[k][bar], bar < 0 ? "" : stream[k][bar])
                                .isEqualTo(-1);
                    }
                }
            }
        }));
    }

    /** Runs the batch kernel on the input placed at an offset inside larger arrays filled with garbage; checks the margins stay untouched. */
    static double[][] batch(FunctionDef f, Args args, double[][] in, Random r) {
        int n = in[0].length, off = 3, size = n + 5;
        double[][] paddedIn = new double[in.length][size];
        for (int k = 0; k < in.length; k++) {
            Arrays.fill(paddedIn[k], r.nextGaussian());
            System.arraycopy(in[k], 0, paddedIn[k], off, n);
        }
        int outputs = f.info().outputs().size();
        double[][] out = new double[outputs][size];
        double garbage = 12345.678;
        for (double[] o : out) Arrays.fill(o, garbage);
        f.batch(args, paddedIn, off, n, out);
        double[][] result = new double[outputs][];
        for (int k = 0; k < outputs; k++) {
            for (int i = 0; i < size; i++) {
                boolean inside = i >= off && i < off + n;
                if (!inside) assertThat(out[k][i]).as("%s %s wrote outside its slice at %d", f.name(), args, i).isEqualTo(garbage);
            }
            result[k] = Arrays.copyOfRange(out[k], off, off + n);
        }
        return result;
    }

    static double[][] stream(FunctionDef f, Args args, double[][] in) {
        int n = in[0].length, outputs = f.info().outputs().size();
        double[][] result = new double[outputs][n];
        Step step = f.step(args);
        double[] bar = new double[in.length], values = new double[outputs];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < in.length; k++) bar[k] = in[k][i];
            Arrays.fill(values, 999.0);
            step.update(bar, values);
            for (int k = 0; k < outputs; k++) result[k][i] = values[k];
        }
        return result;
    }

    /** The first index where the two differ in bits (any NaN equals any NaN), or -1. */
    static int firstDifference(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(a[i]) && Double.isNaN(b[i])) continue;
            if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) return i;
        }
        return -1;
    }
}
