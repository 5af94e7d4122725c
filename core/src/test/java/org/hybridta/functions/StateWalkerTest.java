package org.hybridta.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * For every function of the catalog: the state walker covers its step. A step fed bar by bar, with peeks between
 * updates (a scratch copy updated with the real next bar and with an unrelated bar) and its state written to bytes
 * and read into a fresh step midway (and copied into another midway), gives the batch kernel's values at every bar,
 * bit for bit; a peek with the real next bar gives that bar's batch value.
 */
class StateWalkerTest {

    @TestFactory Stream<DynamicTest> snapshotsAndPeeksKeepTheBatchValues() {
        return Cases.functions().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            for (Args args : Cases.params(f, 29, 2, 120)) {
                for (Cases.Input input : Cases.inputs(f, f.lookback(args), 5)) {
                    double[][] batch = StreamTest.batch(f, args, input.arrays(), new Random(2));
                    check(f, args, input, batch);
                }
            }
        }));
    }

    private static void check(FunctionDef f, Args args, Cases.Input input, double[][] batch) {
        double[][] in = input.arrays();
        int n = in[0].length, outputs = batch.length;
        Random r = new Random(7);
        StateWalker walker = new StateWalker();
        Step live = f.step(args), shadow = f.step(args);
        long shape = StateWalker.shape(live);
        double[] bar = new double[in.length], other = new double[in.length], values = new double[outputs];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < in.length; k++) {
                bar[k] = in[k][i];
                other[k] = in[k][r.nextInt(n)];
            }
            String at = f.name() + " " + args + " " + input + " bar " + i;
            if (i % 5 == 2) {
                walker.copy(live, shadow);
                shadow.update(other, values);
                walker.copy(live, shadow);
                shadow.update(bar, values);
                expect(batch, i, values, at + " (peek)");
            }
            if (i == n / 2) {
                byte[] state = write(live);
                Step fresh = f.step(args);
                assertThat(StateWalker.shape(fresh)).as(at + ": shape of a fresh step").isEqualTo(shape);
                ByteBuffer buffer = ByteBuffer.wrap(state);
                walker.read(fresh, buffer);
                assertThat(buffer.remaining()).as(at + ": bytes left after reading the state").isZero();
                assertThat(write(fresh)).as(at + ": the state read back, written again").isEqualTo(state);
                live = fresh;
            }
            if (i == n / 3) {
                Step copy = f.step(args);
                walker.copy(live, copy);
                live = copy;
            }
            Arrays.fill(values, 999);
            live.update(bar, values);
            expect(batch, i, values, at);
        }
    }

    private static void expect(double[][] batch, int i, double[] values, String at) {
        for (int k = 0; k < values.length; k++) {
            double b = batch[k][i], v = values[k];
            boolean same = Double.isNaN(b) && Double.isNaN(v) || Double.doubleToRawLongBits(b) == Double.doubleToRawLongBits(v);
            assertThat(same).as("%s output %d: batch %s, stream %s", at, k, b, v).isTrue();
        }
    }

    static byte[] write(Object step) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new StateWalker().write(step, new DataOutputStream(bytes));
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test void refusesStateOfAnotherShape() {
        FunctionDef sma = Catalog.find("sma").orElseThrow(), rsi = Catalog.find("rsi").orElseThrow();
        Step a = sma.step(Args.of(5)), b = rsi.step(Args.of(5));
        assertThat(StateWalker.shape(a)).isNotEqualTo(StateWalker.shape(b));
        byte[] state = write(sma.step(Args.of(5)));
        assertThatThrownBy(() -> new StateWalker().read(sma.step(Args.of(5)), ByteBuffer.wrap(state, 0, state.length - 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state");
    }

    @Test void refusesJavaUtilCollections() {
        Step withList = new Step() {
            final java.util.List<Double> seen = new java.util.ArrayList<>();
            @Override public void update(double[] in, double[] out) { seen.add(in[0]); }
        };
        assertThatThrownBy(() -> StateWalker.shape(withList)).hasMessageContaining("java.util.ArrayList").hasMessageContaining("arrays");
    }
}
